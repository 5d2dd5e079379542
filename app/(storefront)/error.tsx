"use client";

import { PageError } from "@/components/shared/page-error";

export default function StorefrontError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError error={error} reset={reset} homeHref="/catalog" />;
}
