import Link from "next/link";

export const metadata = { title: "No access" };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-slate-600">
        Your role doesn&apos;t include this part of Tradepost. If you think it should, ask your administrator.
      </p>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Go to your start page
      </Link>
    </main>
  );
}
