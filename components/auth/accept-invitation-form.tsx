"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/portal/members/member-fields";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TFieldErrors } from "@/lib/errors";
import { acceptInvitationAction } from "@/server/actions/account-access";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setIsPending(true);
    const result = await acceptInvitationAction({
      token,
      name: String(form.get("name") ?? ""),
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
    if (!signedIn?.ok || signedIn.error) {
      router.replace("/login");

      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <FormField id="email" label="Email">
        <Input value={email} readOnly disabled />
      </FormField>
      <FormField id="name" label="Your name" errors={errors.name}>
        <Input
          name="name"
          autoComplete="name"
          maxLength={160}
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </FormField>
      <NewPasswordFields
        context={() => ({ email, name })}
        errors={{ password: errors.password, confirmPassword: errors.confirmPassword }}
      />
      <Button type="submit" className="w-full" isLoading={isPending}>
        Create account and sign in
      </Button>
    </form>
  );
}
