"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MAX_LENGTH, PASSWORD_RULES, type TPasswordContext } from "@/lib/auth/password-rules";

/** Password and confirmation, with the rules ticked off as the person types. */
export function NewPasswordFields({
  context,
  errors,
}: {
  context: () => TPasswordContext;
  errors: { password?: string[]; confirmPassword?: string[] };
}) {
  const [password, setPassword] = useState("");

  return (
    <>
      <FormField id="password" label="Password" errors={errors.password}>
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </FormField>
      <ul className="space-y-1 text-sm" aria-label="Password rules" data-testid="password-rules">
        {PASSWORD_RULES.map((rule) => {
          const met = password.length > 0 && rule.test(password, context());

          return (
            <li key={rule.id} className={met ? "text-emerald-700" : "text-slate-500"} data-met={met}>
              <span aria-hidden className="mr-2 inline-block w-3">
                {met ? "✓" : "•"}
              </span>
              {rule.label}
              <span className="sr-only">{met ? " (met)" : " (not met yet)"}</span>
            </li>
          );
        })}
      </ul>
      <FormField id="confirmPassword" label="Repeat the password" errors={errors.confirmPassword}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </FormField>
    </>
  );
}
