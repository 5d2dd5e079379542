import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookies";
import { safeNextPath } from "@/lib/safe-redirect";
import { getSessionUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";

export const metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  const { next, error } = await searchParams;
  const nextPath = safeNextPath(next, getEnv().APP_URL);
  if (await getSessionUser()) redirect(nextPath);
  // A session cookie that no longer signs anyone in: the account was deactivated, the organisation
  // suspended or the session ran out while the page was open. Said without telling which.
  const cookieStore = await cookies();
  const sessionEnded = !error && SESSION_COOKIE_NAMES.some((name) => cookieStore.has(name));

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-700 to-brand-500 p-6">
      <Card className="w-full max-w-sm p-8">
        <div className="mb-6 space-y-1">
          <p className="text-sm font-semibold tracking-wide text-brand-600">TRADEPOST</p>
          <h1 className="text-2xl font-semibold text-slate-900">Sign in</h1>
          <p className="text-sm text-slate-600">Ordering, prices and your organisation&apos;s account.</p>
        </div>
        <LoginForm
          next={nextPath}
          initialError={error}
          notice={sessionEnded ? "Your session has ended. Sign in again to continue." : undefined}
        />
        <Link
          href="/reset-password"
          className="mt-4 block text-center text-sm font-medium text-brand-700 hover:underline"
        >
          Forgot your password?
        </Link>
      </Card>
    </main>
  );
}
