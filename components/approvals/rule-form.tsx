"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TApprovalConditionKind, TApprovalRuleView, TApproverRole } from "@/lib/approvals/plan-approvals";
import { formatAmount } from "@/lib/pricing/units";
import { createApprovalRuleAction, updateApprovalRuleAction } from "@/server/actions/approvals";

export const CONDITION_LABELS: Record<TApprovalConditionKind, string> = {
  TOTAL_ABOVE: "Order total above an amount",
  CONTAINS_CATEGORY: "Contains a product of a category",
  NEW_ADDRESS: "Delivery to an address not used before",
  OVER_SPENDING_LIMIT: "Buyer over their spending limit",
};

/** Adds a rule, or edits `rule`; field-level errors come from the server's validation. */
export function RuleForm({
  rule,
  currency,
  categories,
  onDone,
}: {
  rule?: TApprovalRuleView;
  currency: string;
  categories: { handle: string; name: string }[];
  onDone?: () => void;
}) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [condition, setCondition] = useState<TApprovalConditionKind>(rule?.condition ?? "TOTAL_ABOVE");
  const [amount, setAmount] = useState(rule?.amountMinor != null ? formatAmount(rule.amountMinor, currency) : "");
  const [categoryHandle, setCategoryHandle] = useState(rule?.categoryHandle ?? "");
  const [approverRole, setApproverRole] = useState<TApproverRole>(rule?.approverRole ?? "APPROVER");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const id = rule?.id ?? "new";

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    const fields = { condition, amount, categoryHandle, approverRole };
    const save = async () => {
      const result = rule
        ? await updateApprovalRuleAction({ ...fields, ruleId: rule.id })
        : await createApprovalRuleAction(fields);
      return result.ok ? { ok: true as const, data: null } : result;
    };
    run(save, {
      success: rule ? "Rule saved." : "Rule added.",
      onSuccess: () => {
        if (!rule) {
          setAmount("");
          setCategoryHandle("");
        }
        onDone?.();
        router.refresh();
      },
      onFailure: (failure) => setErrors(failure.fieldErrors ?? { condition: [failure.message] }),
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label={rule ? "Edit rule" : "Add a rule"}>
      <FormField id={`condition-${id}`} label="Condition" errors={errors.condition}>
        <Select value={condition} onChange={(event) => setCondition(event.target.value as TApprovalConditionKind)}>
          {Object.entries(CONDITION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id={`role-${id}`} label="Who must approve" errors={errors.approverRole}>
        <Select value={approverRole} onChange={(event) => setApproverRole(event.target.value as TApproverRole)}>
          <option value="APPROVER">An approver (or an org admin)</option>
          <option value="ORG_ADMIN">An org admin</option>
        </Select>
      </FormField>
      {condition === "TOTAL_ABOVE" && (
        <FormField
          id={`amount-${id}`}
          label={`Amount (${currency})`}
          hint="For example 10000 or 2500.50"
          errors={errors.amount}
        >
          <Input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </FormField>
      )}
      {condition === "CONTAINS_CATEGORY" && (
        <FormField
          id={`category-${id}`}
          label="Product category"
          hint="The catalogue's category handle"
          errors={errors.categoryHandle}
        >
          <Input
            list={`categories-${id}`}
            value={categoryHandle}
            onChange={(event) => setCategoryHandle(event.target.value)}
          />
        </FormField>
      )}
      <datalist id={`categories-${id}`}>
        {categories.map((category) => (
          <option key={category.handle} value={category.handle}>
            {category.name}
          </option>
        ))}
      </datalist>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" isLoading={isPending}>
          {rule ? "Save rule" : "Add rule"}
        </Button>
        {onDone && rule && (
          <Button type="button" variant="ghost" onClick={onDone} disabled={isPending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
