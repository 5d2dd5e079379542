"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { setOrganisationStatusAction } from "@/server/actions/organisations";

type TOrganisation = { id: string; name: string; status: "ACTIVE" | "SUSPENDED"; memberCount: number; createdAt: Date };

export function OrganisationTable({
  organisations,
  canManage,
}: {
  organisations: TOrganisation[];
  canManage: boolean;
}) {
  const [confirming, setConfirming] = useState<TOrganisation | null>(null);
  const [isPending, startTransition] = useTransition();

  function apply(organisation: TOrganisation) {
    const status = organisation.status === "ACTIVE" ? "SUSPENDED" : "ACTIVE";
    startTransition(async () => {
      const result = await setOrganisationStatusAction({ organisationId: organisation.id, status });
      setConfirming(null);
      if (result.ok) toast.success(`${organisation.name} is now ${status === "SUSPENDED" ? "suspended" : "active"}.`);
      else toast.error(result.message);
    });
  }

  return (
    <>
      <Table>
        <THead>
          <tr>
            <Th>Organisation</Th>
            <Th>Members</Th>
            <Th>Status</Th>
            <Th>Customer since</Th>
            {canManage && <Th className="text-right">Account</Th>}
          </tr>
        </THead>
        <TBody>
          {organisations.map((organisation) => (
            <tr key={organisation.id} data-testid="organisation-row">
              <Td className="font-medium text-slate-900">{organisation.name}</Td>
              <Td>{organisation.memberCount}</Td>
              <Td>
                {organisation.status === "ACTIVE" ? (
                  <Badge tone="success">Active</Badge>
                ) : (
                  <Badge tone="danger">Suspended</Badge>
                )}
              </Td>
              <Td>{formatDateTime(organisation.createdAt)}</Td>
              {canManage && (
                <Td className="text-right">
                  <Button
                    size="sm"
                    variant={organisation.status === "ACTIVE" ? "secondary" : "primary"}
                    onClick={() => setConfirming(organisation)}
                  >
                    {organisation.status === "ACTIVE" ? "Suspend" : "Reactivate"}
                  </Button>
                </Td>
              )}
            </tr>
          ))}
        </TBody>
      </Table>
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={
          confirming?.status === "ACTIVE" ? `Suspend ${confirming.name}?` : `Reactivate ${confirming?.name ?? ""}?`
        }
        description={
          confirming?.status === "ACTIVE"
            ? "Its members are signed out at once and cannot sign in or order until the organisation is reactivated."
            : "Its active members can sign in and order again."
        }
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          <Button
            variant={confirming?.status === "ACTIVE" ? "danger" : "primary"}
            isLoading={isPending}
            onClick={() => confirming && apply(confirming)}
          >
            {confirming?.status === "ACTIVE" ? "Suspend" : "Reactivate"}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
