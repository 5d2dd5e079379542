"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TFieldErrors } from "@/lib/errors";
import { createRuleSetAction } from "@/server/actions/pricing-versions";

export function NewRuleSetButton() {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("");
  const [errors, setErrors] = useState<TFieldErrors>({});

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        New price list
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="New price list"
        description="One price list per currency. It starts as an empty draft."
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => createRuleSetAction({ name, currency }), {
              success: `${currency.toUpperCase()} price list created.`,
              onSuccess: (data) => router.push(`/portal/pricing/versions/${data.versionId}`),
              onFailure: (result) => setErrors(result.fieldErrors ?? { _form: [result.message] }),
            });
          }}
        >
          <FormField id="rule-set-name" label="Name" errors={errors.name}>
            <Input
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="Standard prices (GBP)"
              autoFocus
            />
          </FormField>
          <FormField id="rule-set-currency" label="Currency" hint="Three letters, e.g. GBP." errors={errors.currency}>
            <Input
              value={currency}
              onChange={(event) => setCurrency(event.target.value)}
              maxLength={3}
              className="uppercase"
            />
          </FormField>
          {errors._form && (
            <p className="text-sm text-red-600" role="alert">
              {errors._form.join(" ")}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" isLoading={isPending}>
              Create
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
