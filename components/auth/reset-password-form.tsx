"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormError } from "@/components/portal/members/member-fields";
import { Button } from "@/components/ui/button";
import type { TFieldErrors } from "@/lib/errors";
import { resetPasswordAction } from "@/server/actions/account-access";

export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setIsPending(true);
    const result = await resetPasswordAction({
      token,
      password,
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    });
    if (!result.ok) {
      setIsPending(false);
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? "" : result.message);

      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
    router.replace(signedIn?.ok && !signedIn.error ? "/" : "/login");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <NewPasswordFields context={() => ({ email, name })} errors={errors} />
      <Button type="submit" className="w-full" isLoading={isPending}>
        Set password and sign in
      </Button>
    </form>
  );
}
