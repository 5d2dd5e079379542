"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/pricing/units";
import { MEMBER_ROLE_LABEL, SPENDING_PERIOD_LABEL } from "@/lib/validation/members";
import { resendInvitationAction, revokeInvitationAction } from "@/server/actions/organisation-members";

type TInvitation = {
  id: string;
  email: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  spendingLimitMinor: number | null;
  spendingLimitPeriod: "DAY" | "WEEK" | "MONTH" | "QUARTER";
  state: "pending" | "expired" | "revoked";
  expiresAt: Date;
  invitedByName: string | null;
};

const STATE_BADGE = {
  pending: <Badge tone="brand">Pending</Badge>,
  expired: <Badge tone="warning">Expired</Badge>,
  revoked: <Badge>Revoked</Badge>,
} as const;

export function InvitationTable({ invitations, currency }: { invitations: TInvitation[]; currency: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function run(invitation: TInvitation, kind: "resend" | "revoke") {
    setPending(`${kind}:${invitation.id}`);
    startTransition(async () => {
      const action = kind === "resend" ? resendInvitationAction : revokeInvitationAction;
      const result = await action({ invitationId: invitation.id });
      setPending(null);
      if (!result.ok) toast.error(result.message);
      else toast.success(kind === "resend" ? `Invitation sent again to ${invitation.email}.` : "Invitation revoked.");
    });
  }

  return (
    <Table>
      <THead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th className="text-right">Spending limit</Th>
          <Th>Status</Th>
          <Th>Link valid until</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </THead>
      <TBody>
        {invitations.map((invitation) => (
          <tr key={invitation.id} data-testid="invitation-row">
            <Td>
              <div className="font-medium text-slate-900">{invitation.email}</div>
              {invitation.invitedByName && (
                <div className="text-xs text-slate-500">Invited by {invitation.invitedByName}</div>
              )}
            </Td>
            <Td>{MEMBER_ROLE_LABEL[invitation.role]}</Td>
            <Td className="text-right tabular-nums">
              {invitation.spendingLimitMinor === null ? (
                <span className="text-slate-500">No limit</span>
              ) : (
                <>
                  {formatMoney(invitation.spendingLimitMinor, currency)}
                  <div className="text-xs text-slate-500">{SPENDING_PERIOD_LABEL[invitation.spendingLimitPeriod]}</div>
                </>
              )}
            </Td>
            <Td>{STATE_BADGE[invitation.state]}</Td>
            <Td className="whitespace-nowrap">
              {invitation.state === "revoked" ? "—" : formatDateTime(invitation.expiresAt)}
            </Td>
            <Td className="text-right">
              <div className="flex justify-end gap-2">
                <Button
                  size="sm"
                  variant="secondary"
                  isLoading={pending === `resend:${invitation.id}`}
                  onClick={() => run(invitation, "resend")}
                >
                  Resend
                </Button>
                {invitation.state === "pending" && (
                  <Button
                    size="sm"
                    variant="ghost"
                    isLoading={pending === `revoke:${invitation.id}`}
                    onClick={() => run(invitation, "revoke")}
                  >
                    Revoke
                  </Button>
                )}
              </div>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
