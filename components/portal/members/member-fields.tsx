"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TFieldErrors } from "@/lib/errors";
import { MEMBER_ROLES, SPENDING_PERIODS, SPENDING_PERIOD_LABEL } from "@/lib/validation/members";

const ROLE_OPTION = {
  BUYER: "Buyer — orders within their limit",
  APPROVER: "Approver — orders, and decides approval requests",
  ORG_ADMIN: "Org admin — manages members and settings",
} as const;

/** Role, spending limit and period: the fields an invitation and a member's edit share. */
export function MemberTermsFields({
  idPrefix,
  currency,
  errors,
  defaults,
}: {
  idPrefix: string;
  currency: string;
  errors: TFieldErrors;
  defaults: { role: string; spendingLimit: string; spendingLimitPeriod: string };
}) {
  return (
    <>
      <FormField id={`${idPrefix}-role`} label="Role" errors={errors.role}>
        <Select name="role" defaultValue={defaults.role}>
          {MEMBER_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_OPTION[role]}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="grid grid-cols-[1fr_auto] gap-3">
        <FormField
          id={`${idPrefix}-limit`}
          label={`Spending limit (${currency})`}
          hint="Orders above it need approval. Leave empty for no limit."
          errors={errors.spendingLimit}
        >
          <Input
            name="spendingLimit"
            inputMode="decimal"
            placeholder="No limit"
            defaultValue={defaults.spendingLimit}
          />
        </FormField>
        <FormField id={`${idPrefix}-period`} label="Period" errors={errors.spendingLimitPeriod}>
          <Select name="spendingLimitPeriod" defaultValue={defaults.spendingLimitPeriod} className="w-36">
            {SPENDING_PERIODS.map((period) => (
              <option key={period} value={period}>
                {SPENDING_PERIOD_LABEL[period]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
    </>
  );
}

export function FormError({ message }: { message: string }) {
  if (!message) return null;

  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </div>
  );
}
