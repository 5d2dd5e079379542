"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Button } from "@/components/ui/button";

/**
 * What a page shows when loading it failed on the server (Medusa or the database out of
 * reach, a bug): a plain message, a retry, and the reference our logs carry for the error.
 * The error's own message is not shown: in production it is withheld from the browser.
 */
export function PageError({
  error,
  reset,
  homeHref,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  homeHref: string;
}) {
  const router = useRouter();
  useEffect(() => {
    console.error(error);
  }, [error]);
  // reset() alone re-renders what the browser has; the server part must be fetched again too.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });

  return (
    <div
      className="mx-auto flex min-h-[50vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center"
      role="alert"
    >
      <p className="text-sm font-semibold text-amber-700">Temporarily unavailable</p>
      <h1 className="text-2xl font-semibold">This page could not be loaded</h1>
      <p className="text-slate-600">
        A system it depends on did not answer in time. Nothing you entered was lost; try again in a moment.
      </p>
      <div className="flex items-center gap-4">
        <Button onClick={retry}>Try again</Button>
        <Link href={homeHref} className="text-sm font-medium text-brand-600 hover:underline">
          Go to your start page
        </Link>
      </div>
      {error.digest && <p className="font-mono text-xs text-slate-500">Reference {error.digest}</p>}
    </div>
  );
}
