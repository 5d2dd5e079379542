"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatMoney } from "@/lib/pricing/units";
import { previewApprovalsAction } from "@/server/actions/approvals";
import type { TApprovalPreview } from "@/server/approvals/preview-approvals";

/** "An order of €12,000 by Anna would need: approver, then org admin" — with the member's real spending. */
export function ApprovalPreview({ members, currency }: { members: { id: string; name: string }[]; currency: string }) {
  const { run, isPending } = useActionRunner();
  const [buyerId, setBuyerId] = useState(members[0]?.id ?? "");
  const [amount, setAmount] = useState("12000");
  const [categoryHandle, setCategoryHandle] = useState("");
  const [newAddress, setNewAddress] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<TApprovalPreview | null>(null);

  return (
    <div className="space-y-4">
      <form
        className="grid gap-4 sm:grid-cols-4"
        aria-label="Preview approvals"
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          run(() => previewApprovalsAction({ buyerId, amount, categoryHandle, newAddress }), {
            onSuccess: setPreview,
            onFailure: (failure) => setErrors(failure.fieldErrors ?? { buyerId: [failure.message] }),
          });
        }}
      >
        <FormField id="preview-buyer" label="Ordered by" errors={errors.buyerId}>
          <Select value={buyerId} onChange={(event) => setBuyerId(event.target.value)}>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="preview-amount" label={`Order total (${currency})`} errors={errors.amount}>
          <Input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </FormField>
        <FormField id="preview-category" label="Contains category (optional)" errors={errors.categoryHandle}>
          <Input
            value={categoryHandle}
            onChange={(event) => setCategoryHandle(event.target.value)}
            list="categories-new"
          />
        </FormField>
        <div className="flex flex-col justify-end gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={newAddress} onChange={(event) => setNewAddress(event.target.checked)} />
            To a new address
          </label>
          <Button type="submit" isLoading={isPending}>
            Preview
          </Button>
        </div>
      </form>
      {preview && (
        <div
          className="rounded-md border border-brand-100 bg-brand-50 p-4 text-sm"
          role="status"
          data-testid="approval-preview"
        >
          <p className="font-medium text-slate-900">{preview.sentence}</p>
          {preview.steps.length > 0 && (
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-700">
              {preview.steps.map((step, index) => (
                <li key={index}>
                  {step.requiredRole === "ORG_ADMIN" ? "Org admin" : "Approver"}: {step.reason}
                </li>
              ))}
            </ol>
          )}
          {preview.spending && (
            <p className="mt-2 text-slate-600">
              Spending this period: {formatMoney(preview.spending.usedMinor, currency)} of{" "}
              {formatMoney(preview.spending.limitMinor, currency)}
              {preview.spending.overLimit ? " — this order would go over the limit." : "."}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
