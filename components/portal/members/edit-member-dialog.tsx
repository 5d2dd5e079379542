"use client";

import { useState, useTransition, type FormEvent } from "react";
import { FormError, MemberTermsFields } from "@/components/portal/members/member-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { TFieldErrors } from "@/lib/errors";
import { formatAmount } from "@/lib/pricing/units";
import { changeMemberRoleAction, changeSpendingLimitAction } from "@/server/actions/organisation-members";

export type TEditableMember = {
  id: string;
  name: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  spendingLimitMinor: number | null;
  spendingLimitPeriod: string;
};

/** Role and spending limit of one member; each is saved only when it changed. */
export function EditMemberButton({ member, currency }: { member: TEditableMember; currency: string }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [isPending, startTransition] = useTransition();
  const currentLimit = member.spendingLimitMinor === null ? "" : formatAmount(member.spendingLimitMinor, currency);

  function close() {
    setOpen(false);
    setErrors({});
    setFormError("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role"));
    const spendingLimit = String(form.get("spendingLimit") ?? "").trim();
    const spendingLimitPeriod = String(form.get("spendingLimitPeriod"));
    startTransition(async () => {
      if (spendingLimit !== currentLimit || spendingLimitPeriod !== member.spendingLimitPeriod) {
        const result = await changeSpendingLimitAction({ userId: member.id, spendingLimit, spendingLimitPeriod });
        if (!result.ok) {
          setErrors(result.fieldErrors ?? {});
          setFormError(result.fieldErrors ? "" : result.message);

          return;
        }
      }
      if (role !== member.role) {
        const result = await changeMemberRoleAction({ userId: member.id, role });
        if (!result.ok) {
          // The last-admin refusal is about the role: show it there.
          setErrors(result.fieldErrors ?? { role: [result.message] });

          return;
        }
      }
      toast.success(`${member.name} is updated.`);
      close();
    });
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Edit
      </Button>
      <Dialog open={open} onClose={close} title={`Edit ${member.name}`} description="Role and spending limit.">
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={formError} />
          <MemberTermsFields
            idPrefix={`edit-${member.id}`}
            currency={currency}
            errors={errors}
            defaults={{
              role: member.role,
              spendingLimit: currentLimit,
              spendingLimitPeriod: member.spendingLimitPeriod,
            }}
          />
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" isLoading={isPending}>
              Save
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
