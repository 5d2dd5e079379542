"use client";

import { useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import type { TActionResult } from "@/lib/errors";

/** Runs a server action in a transition; shows its failure as a toast and hands success on. */
export function useActionRunner() {
  const [isPending, startTransition] = useTransition();

  function run<T>(
    action: () => Promise<TActionResult<T>>,
    {
      success,
      onSuccess,
      onFailure,
    }: {
      success?: string | ((data: T) => string);
      onSuccess?: (data: T) => void;
      onFailure?: (result: Extract<TActionResult<T>, { ok: false }>) => void;
    } = {},
  ) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        if (success) toast.success(typeof success === "function" ? success(result.data) : success);
        onSuccess?.(result.data);
      } else {
        if (onFailure) onFailure(result);
        else toast.error(result.message);
      }
    });
  }

  return { run, isPending };
}
