import Link from "next/link";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { getPasswordResetByToken } from "@/server/auth/get-password-reset-by-token";

// The token is in the URL: keep it out of Referer headers and search indexes.
export const metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

const NOT_USABLE = {
  invalid: "This reset link is not valid. Check that you opened the whole link from the email, or ask for a new one.",
  expired: "This reset link has expired: links work for one hour. Ask for a new one.",
  used: "This reset link was used already. Ask for a new one if you need to change your password again.",
} as const;

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await getPasswordResetByToken(token);

  if (reset.state !== "pending") {
    return (
      <AuthCard title="This link does not work">
        <div className="space-y-4">
          <AuthNotice tone="warning">{NOT_USABLE[reset.state]}</AuthNotice>
          <Link href="/reset-password" className="block text-sm font-medium text-brand-700 hover:underline">
            Ask for a new reset link
          </Link>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" intro={<>For {reset.email}.</>}>
      <ResetPasswordForm token={token} email={reset.email} name={reset.name} />
    </AuthCard>
  );
}
