"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { setMemberActiveAction } from "@/server/actions/organisation-members";

type TMember = {
  id: string;
  name: string;
  email: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  isActive: boolean;
  lastLoginAt: Date | null;
};

export function MemberTable({
  members,
  currentUserId,
  canManage,
}: {
  members: TMember[];
  currentUserId: string;
  canManage: boolean;
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
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          {canManage && <Th className="text-right">Access</Th>}
        </tr>
      </THead>
      <TBody>
        {members.map((member) => (
          <tr key={member.id} data-testid="member-row">
            <Td>
              <div className="font-medium text-slate-900">{member.name}</div>
              <div className="text-slate-500">{member.email}</div>
            </Td>
            <Td>{member.role === "ORG_ADMIN" ? "Administrator" : "Buyer"}</Td>
            <Td>{member.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</Td>
            <Td>{formatDateTime(member.lastLoginAt)}</Td>
            {canManage && (
              <Td className="text-right">
                {member.id === currentUserId ? (
                  <span className="text-xs text-slate-400">You</span>
                ) : (
                  <Button
                    size="sm"
                    variant={member.isActive ? "secondary" : "primary"}
                    isLoading={pendingId === member.id}
                    onClick={() => toggle(member)}
                  >
                    {member.isActive ? "Deactivate" : "Reactivate"}
                  </Button>
                )}
              </Td>
            )}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
