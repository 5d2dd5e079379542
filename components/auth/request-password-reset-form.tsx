"use client";

import { useState, type FormEvent } from "react";
import { AuthNotice } from "@/components/auth/auth-card";
import { FormError } from "@/components/portal/members/member-fields";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TFieldErrors } from "@/lib/errors";
import { requestPasswordResetAction } from "@/server/actions/account-access";

export function RequestPasswordResetForm() {
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setIsPending(true);
    const result = await requestPasswordResetAction({ email });
    setIsPending(false);
    if (result.ok) {
      setSentTo(email.trim());

      return;
    }
    setErrors(result.fieldErrors ?? {});
    setFormError(result.fieldErrors ? "" : result.message);
  }

  if (sentTo) {
    return (
      <AuthNotice>
        If <strong>{sentTo}</strong> belongs to a Tradepost account, we have emailed it a link to choose a new password.
        The link works once, for one hour. Nothing arrived? Check your spam folder, or ask again in a minute.
      </AuthNotice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <FormField id="email" label="Email" errors={errors.email}>
        <Input name="email" type="email" autoComplete="username" placeholder="name@company.com" autoFocus />
      </FormField>
      <Button type="submit" className="w-full" isLoading={isPending}>
        Email me a reset link
      </Button>
    </form>
  );
}
