"use client";

import { useActionRunner } from "@/components/shared/use-action-runner";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { describePolicy, POLICY_CHOICES } from "@/lib/pricing/policy-words";
import type { TPricingPolicy } from "@/lib/pricing/rules";
import { updatePolicyAction } from "@/server/actions/pricing-rules";

/** How rules combine, as choices and in words. */
export function PolicyCard({
  versionId,
  policy,
  editable,
}: {
  versionId: string;
  policy: TPricingPolicy;
  editable: boolean;
}) {
  const { run, isPending } = useActionRunner();
  const change = (next: TPricingPolicy) =>
    run(() => updatePolicyAction({ versionId, policy: next }), { success: "Stacking policy changed." });

  return (
    <Card className="space-y-3 p-4" aria-label="How rules combine">
      <h2 className="font-semibold">How rules combine</h2>
      {editable && (
        <div className="grid gap-2">
          <label className="space-y-1 text-sm">
            <span className="font-medium text-slate-700">Several discounts</span>
            <Select
              value={policy.discounts}
              disabled={isPending}
              onChange={(event) => change({ ...policy, discounts: event.target.value as TPricingPolicy["discounts"] })}
            >
              {POLICY_CHOICES.discounts.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium text-slate-700">Volume tier and discount</span>
            <Select
              value={policy.tiers}
              disabled={isPending}
              onChange={(event) => change({ ...policy, tiers: event.target.value as TPricingPolicy["tiers"] })}
            >
              {POLICY_CHOICES.tiers.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </label>
        </div>
      )}
      <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700" data-testid="policy-words">
        {describePolicy(policy).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ol>
    </Card>
  );
}
