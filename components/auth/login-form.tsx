"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TFieldErrors } from "@/lib/errors";
import { safeNextPath } from "@/lib/safe-redirect";
import { loginFailureMessage, ZLoginInput } from "@/lib/validation/auth";
import { toFieldErrors } from "@/lib/validation/zod-errors";

/** `notice`: shown until the person submits (e.g. "Your session has ended"), then errors speak. */
export function LoginForm({ next, initialError, notice }: { next?: string; initialError?: string; notice?: string }) {
  const router = useRouter();
  const [shownNotice, setShownNotice] = useState(notice ?? "");
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState(initialError ? loginFailureMessage(initialError) : "");
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZLoginInput.safeParse({ email: form.get("email"), password: form.get("password") });
    setFormError("");
    setShownNotice("");
    if (!parsed.success) {
      setFieldErrors(toFieldErrors(parsed.error));

      return;
    }
    setFieldErrors({});
    setIsPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result?.ok || result.error) {
      setIsPending(false);
      setFormError(loginFailureMessage(result?.error));

      return;
    }
    // Checked again here: the page already did, but this is the line that navigates.
    router.replace(safeNextPath(next, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby={formError ? "login-error" : undefined}>
      {shownNotice && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {shownNotice}
        </p>
      )}
      {formError && (
        <div
          id="login-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {formError}
        </div>
      )}
      <FormField id="email" label="Email" errors={fieldErrors.email}>
        <Input name="email" type="email" autoComplete="username" placeholder="name@company.com" maxLength={254} />
      </FormField>
      <FormField id="password" label="Password" errors={fieldErrors.password}>
        <Input name="password" type="password" autoComplete="current-password" maxLength={200} />
      </FormField>
      <Button type="submit" className="w-full" isLoading={isPending}>
        Sign in
      </Button>
    </form>
  );
}
