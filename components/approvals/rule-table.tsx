"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RuleForm } from "@/components/approvals/rule-form";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { describeCondition, type TApprovalRuleView } from "@/lib/approvals/plan-approvals";
import { moveApprovalRuleAction, setApprovalRuleActiveAction } from "@/server/actions/approvals";

/** The organisation's rules in the order approvals are collected: reorder, edit, deactivate. */
export function RuleTable({
  rules,
  currency,
  categories,
}: {
  rules: TApprovalRuleView[];
  currency: string;
  categories: { handle: string; name: string }[];
}) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [editing, setEditing] = useState<TApprovalRuleView | null>(null);

  if (!rules.length) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
        No rules yet: orders are placed without approval, except by buyers over their spending limit.
      </p>
    );
  }

  return (
    <>
      <Table>
        <THead>
          <tr>
            <Th className="w-16">Order</Th>
            <Th>Condition</Th>
            <Th>Approved by</Th>
            <Th>Status</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </THead>
        <TBody>
          {rules.map((rule, index) => (
            <tr key={rule.id} data-testid="approval-rule-row" className={rule.active ? "" : "text-slate-500"}>
              <Td className="tabular-nums">{index + 1}</Td>
              <Td className="font-medium text-slate-900">{describeCondition(rule, currency)}</Td>
              <Td>{rule.approverRole === "ORG_ADMIN" ? "Org admin" : "Approver"}</Td>
              <Td>{rule.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}</Td>
              <Td className="space-x-1 text-right whitespace-nowrap">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label="Move up"
                  disabled={isPending || index === 0}
                  onClick={() =>
                    run(() => moveApprovalRuleAction({ ruleId: rule.id, direction: "up" }), {
                      onSuccess: router.refresh,
                    })
                  }
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label="Move down"
                  disabled={isPending || index === rules.length - 1}
                  onClick={() =>
                    run(() => moveApprovalRuleAction({ ruleId: rule.id, direction: "down" }), {
                      onSuccess: router.refresh,
                    })
                  }
                >
                  ↓
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setEditing(rule)} disabled={isPending}>
                  Edit
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={isPending}
                  onClick={() =>
                    run(() => setApprovalRuleActiveAction({ ruleId: rule.id, active: !rule.active }), {
                      success: rule.active ? "Rule deactivated." : "Rule active again.",
                      onSuccess: router.refresh,
                    })
                  }
                >
                  {rule.active ? "Deactivate" : "Reactivate"}
                </Button>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title="Edit approval rule"
        description="Requests already submitted keep their steps; the change applies to new orders."
        wide
      >
        {editing && (
          <RuleForm rule={editing} currency={currency} categories={categories} onDone={() => setEditing(null)} />
        )}
      </Dialog>
    </>
  );
}
