import "server-only";
import type { TApprovalRuleView } from "@/lib/approvals/plan-approvals";
import { db } from "@/server/db";

export type TApprovalSettings = {
  approvalWindowHours: number;
  timeZone: string;
  rules: TApprovalRuleView[];
  members: { id: string; name: string; role: string; spendingLimitMinor: number | null; spendingLimitPeriod: string }[];
};

/** The organisation's approval rules (active and not), its approval window and time zone, and its members. */
export async function findApprovalSettings(organisationId: string): Promise<TApprovalSettings> {
  const [organisation, rules, members] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { approvalWindowHours: true, timeZone: true },
    }),
    db.approvalRule.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    db.user.findMany({
      where: { organisationId, isActive: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, spendingLimitMinor: true, spendingLimitPeriod: true },
    }),
  ]);

  return {
    ...organisation,
    rules: rules.map(({ id, position, condition, amountMinor, categoryHandle, approverRole, active }) => ({
      id,
      position,
      condition,
      amountMinor,
      categoryHandle,
      approverRole: approverRole === "APPROVER" ? "APPROVER" : "ORG_ADMIN",
      active,
    })),
    members,
  };
}
