"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TFieldErrors } from "@/lib/errors";
import type { TBulkPatch } from "@/lib/pricing/rule-input";
import type { TPricingRule, TRuleKind } from "@/lib/pricing/rules";
import { parsePercent } from "@/lib/pricing/units";
import { bulkEditRulesAction, deleteRulesAction } from "@/server/actions/pricing-rules";

type TFields = {
  priority: string;
  validFrom: string;
  validTo: string;
  adjust: string;
  percent: string;
  exclusive: "" | "yes" | "no";
};
const EMPTY: TFields = { priority: "", validFrom: "", validTo: "", adjust: "", percent: "", exclusive: "" };

function toPatch(fields: TFields): { patch: TBulkPatch } | { errors: TFieldErrors } {
  const patch: TBulkPatch = {};
  const errors: TFieldErrors = {};
  if (fields.priority)
    /^\d{1,4}$/.test(fields.priority)
      ? (patch.priority = Number(fields.priority))
      : (errors.priority = ["Enter a whole number."]);
  if (fields.validFrom) patch.validFrom = new Date(`${fields.validFrom}Z`).toISOString();
  if (fields.validTo) patch.validTo = new Date(`${fields.validTo}Z`).toISOString();
  if (fields.adjust) {
    const sign = fields.adjust.trim().startsWith("-") ? -1 : 1;
    const bps = parsePercent(fields.adjust.trim().replace(/^[+-]/, ""));
    bps === null ? (errors.adjust = ["Enter a percentage such as 5 or -2.5."]) : (patch.adjustAmountBps = sign * bps);
  }
  if (fields.percent) {
    const bps = parsePercent(fields.percent);
    bps === null || bps === 0 ? (errors.percent = ["Enter a percentage such as 10."]) : (patch.bps = bps);
  }
  if (fields.exclusive) patch.exclusive = fields.exclusive === "yes";
  if (!Object.keys(patch).length && !Object.keys(errors).length) errors._form = ["Fill in at least one change."];

  return Object.keys(errors).length ? { errors } : { patch };
}

/** Changes or deletes the selected rules at once; all or nothing. */
export function BulkEditBar({
  versionId,
  kind,
  selected,
  onDone,
}: {
  versionId: string;
  kind: TRuleKind;
  selected: TPricingRule[];
  onDone: () => void;
}) {
  const { run, isPending } = useActionRunner();
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  const [fields, setFields] = useState<TFields>(EMPTY);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const close = () => {
    setOpen(null);
    setFields(EMPTY);
    setErrors({});
  };
  const input = (name: keyof TFields, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <FormField id={`bulk-${name}`} label={label} hint={hint} errors={errors[name]}>
      <Input
        value={fields[name]}
        onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
        {...props}
      />
    </FormField>
  );

  function apply() {
    const result = toPatch(fields);
    if ("errors" in result) return setErrors(result.errors);
    run(() => bulkEditRulesAction({ versionId, rules: selected, patch: result.patch }), {
      success: (data) => `${data.changed} rule${data.changed === 1 ? "" : "s"} changed.`,
      onSuccess: () => (close(), onDone()),
      onFailure: (failure) =>
        setErrors({
          _form: [
            failure.message,
            ...Object.entries(failure.fieldErrors ?? {}).map(([id, messages]) => `${id}: ${messages.join(" ")}`),
          ],
        }),
    });
  }

  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm"
      role="region"
      aria-label="Selected rules"
    >
      <span className="font-medium text-brand-900">{selected.length} selected</span>
      <Button size="sm" variant="secondary" onClick={() => setOpen("edit")}>
        Change selected…
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen("delete")}>
        Delete selected
      </Button>
      <Dialog
        open={open === "edit"}
        onClose={close}
        title={`Change ${selected.length} rule${selected.length === 1 ? "" : "s"}`}
        description="Leave a field empty to keep it as it is. The change applies to all selected rules or, if it does not fit one of them, to none."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {input("priority", "Priority", { inputMode: "numeric" })}
          {input("adjust", "Change amounts by (%)", { placeholder: "+5 or -2.5" }, "Prices, surcharges, tier prices")}
          {input("validFrom", "Valid from (UTC)", { type: "datetime-local" })}
          {input("validTo", "Valid until (UTC)", { type: "datetime-local" })}
          {kind !== "base_price" &&
            kind !== "contract_price" &&
            input("percent", "Set percentage (%)", { inputMode: "decimal" }, "Percentage rules only")}
          {kind === "org_discount" && (
            <FormField id="bulk-exclusive" label="Exclusive">
              <select
                className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm"
                value={fields.exclusive}
                onChange={(event) => setFields({ ...fields, exclusive: event.target.value as TFields["exclusive"] })}
              >
                <option value="">Keep</option>
                <option value="yes">Exclusive</option>
                <option value="no">Combines</option>
              </select>
            </FormField>
          )}
        </div>
        {errors._form && (
          <ul className="space-y-1 text-sm text-red-600" role="alert">
            {errors._form.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button isLoading={isPending} onClick={apply}>
            Apply to {selected.length}
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={open === "delete"}
        onClose={close}
        title={`Delete ${selected.length} rule${selected.length === 1 ? "" : "s"}?`}
        description={selected.map((rule) => rule.id).join(", ")}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="danger"
            isLoading={isPending}
            onClick={() =>
              run(() => deleteRulesAction({ versionId, rules: selected }), {
                success: (data) => `${data.deleted} deleted.`,
                onSuccess: () => (close(), onDone()),
              })
            }
          >
            Delete
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
