import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="text-slate-600">It may have been moved, or you may not have access to it.</p>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Go to your start page
      </Link>
    </main>
  );
}
