"use client";

import { useState, useTransition, type FormEvent } from "react";
import { FormError, MemberTermsFields } from "@/components/portal/members/member-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { TFieldErrors } from "@/lib/errors";
import { inviteMemberAction } from "@/server/actions/organisation-members";

export function InviteMemberButton({ currency }: { currency: string }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [isPending, startTransition] = useTransition();

  function close() {
    setOpen(false);
    setErrors({});
    setFormError("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(
      ["email", "role", "spendingLimit", "spendingLimitPeriod"].map((key) => [key, String(form.get(key) ?? "")]),
    );
    startTransition(async () => {
      const result = await inviteMemberAction(input);
      if (result.ok) {
        toast.success(`Invitation sent to ${input.email}.`);
        close();

        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? "" : result.message);
    });
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite member</Button>
      <Dialog
        open={open}
        onClose={close}
        title="Invite a member"
        description="We email them a link to set their name and password. The link works once, for 7 days."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={formError} />
          <FormField id="invite-email" label="Email" errors={errors.email}>
            <Input name="email" type="email" autoComplete="off" placeholder="name@company.com" autoFocus />
          </FormField>
          <MemberTermsFields
            idPrefix="invite"
            currency={currency}
            errors={errors}
            defaults={{ role: "BUYER", spendingLimit: "", spendingLimitPeriod: "MONTH" }}
          />
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" isLoading={isPending}>
              Send invitation
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
