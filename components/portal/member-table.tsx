"use client";

import { useState, useTransition } from "react";
import { EditMemberButton } from "@/components/portal/members/edit-member-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/pricing/units";
import { MEMBER_ROLE_LABEL } from "@/lib/validation/members";
import { setMemberActiveAction } from "@/server/actions/organisation-members";

type TMember = {
  id: string;
  name: string;
  email: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  isActive: boolean;
  lastLoginAt: Date | null;
  spendingLimitMinor: number | null;
  spendingLimitPeriod: "DAY" | "WEEK" | "MONTH" | "QUARTER";
  spentThisPeriodMinor: number;
};

const THIS_PERIOD = { DAY: "today", WEEK: "this week", MONTH: "this month", QUARTER: "this quarter" } as const;

export function MemberTable({
  members,
  currentUserId,
  canManage,
  currency,
}: {
  members: TMember[];
  currentUserId: string;
  canManage: boolean;
  currency: string;
}) {
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function toggle(member: TMember) {
    setPendingId(member.id);
    startTransition(async () => {
      const result = await setMemberActiveAction({ userId: member.id, isActive: !member.isActive });
      setPendingId(null);
      if (result.ok) toast.success(`${member.name} is now ${member.isActive ? "deactivated" : "active"}.`);
      else toast.error(result.message);
    });
  }

  return (
    <Table>
      <THead>
        <tr>
          <Th>Member</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th className="text-right">Spent / limit</Th>
          <Th>Last sign-in</Th>
          {canManage && <Th className="text-right">Actions</Th>}
        </tr>
      </THead>
      <TBody>
        {members.map((member) => {
          const overLimit =
            member.spendingLimitMinor !== null && member.spentThisPeriodMinor > member.spendingLimitMinor;

          return (
            <tr key={member.id} data-testid="member-row">
              <Td>
                <div className="font-medium text-slate-900">
                  {member.name}
                  {member.id === currentUserId && (
                    <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>
                  )}
                </div>
                <div className="text-slate-500">{member.email}</div>
              </Td>
              <Td>{MEMBER_ROLE_LABEL[member.role]}</Td>
              <Td>
                {member.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}
              </Td>
              {/* One column for both figures: with two, the actions no longer fit beside the sidebar. */}
              <Td className="whitespace-nowrap text-right tabular-nums">
                <span className={overLimit ? "font-medium text-red-700" : undefined}>
                  {formatMoney(member.spentThisPeriodMinor, currency)}
                </span>
                {member.spendingLimitMinor !== null && (
                  <span className="text-slate-500"> of {formatMoney(member.spendingLimitMinor, currency)}</span>
                )}
                <div className="text-xs text-slate-500">
                  {THIS_PERIOD[member.spendingLimitPeriod]}
                  {member.spendingLimitMinor === null && ", no limit"}
                </div>
              </Td>
              <Td className="min-w-32">{member.lastLoginAt ? formatDateTime(member.lastLoginAt) : "Never"}</Td>
              {canManage && (
                <Td className="text-right">
                  <div className="flex justify-end gap-2">
                    <EditMemberButton member={member} currency={currency} />
                    {member.id !== currentUserId && (
                      <Button
                        size="sm"
                        variant={member.isActive ? "secondary" : "primary"}
                        isLoading={pendingId === member.id}
                        onClick={() => toggle(member)}
                      >
                        {member.isActive ? "Deactivate" : "Reactivate"}
                      </Button>
                    )}
                  </div>
                </Td>
              )}
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
