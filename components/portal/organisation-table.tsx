"use client";

import { useState } from "react";
import { OrganisationStatusDialog, type TStatusTarget } from "@/components/portal/organisation-status-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatAge } from "@/lib/erp/customer-account";
import { formatDateTime } from "@/lib/format";

type TOrganisation = TStatusTarget & {
  memberCount: number;
  createdAt: Date;
  odoo: { partnerId: number; ref: string | null; syncedAt: Date | null } | null;
  suspension: { reason: string | null; at: Date; by: string } | null;
};

function OdooLink({ odoo, now }: { odoo: TOrganisation["odoo"]; now: Date }) {
  if (!odoo) return <span className="whitespace-nowrap text-slate-500">Not linked</span>;

  // Two short lines rather than one long one: a long partner reference must not widen the table
  // past the screen (the row's actions would scroll out of sight).
  return (
    <div className="space-y-0.5">
      <p className="max-w-[16rem] truncate" title={odoo.ref ?? undefined}>
        Odoo #{odoo.partnerId}
        {odoo.ref && <span className="text-slate-500"> ({odoo.ref})</span>}
      </p>
      <p className="text-xs whitespace-nowrap text-slate-500">
        {odoo.syncedAt ? (
          <time dateTime={new Date(odoo.syncedAt).toISOString()} title={formatDateTime(odoo.syncedAt)}>
            synced {formatAge(new Date(odoo.syncedAt), now)}
          </time>
        ) : (
          "not synced yet"
        )}
      </p>
    </div>
  );
}

/** Staff list of organisations: members, status (with the suspension's reason), Odoo link and its freshness. */
export function OrganisationTable({
  organisations,
  canManage,
  now,
}: {
  organisations: TOrganisation[];
  canManage: boolean;
  /** The server's clock, so that the ages read the same when the page renders and hydrates. */
  now: Date;
}) {
  const [confirming, setConfirming] = useState<TStatusTarget | null>(null);

  return (
    <>
      <Table>
        <THead>
          <tr>
            <Th>Organisation</Th>
            <Th>Members</Th>
            <Th>Status</Th>
            <Th>Odoo</Th>
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
                  <div className="space-y-1">
                    <Badge tone="danger">Suspended</Badge>
                    {organisation.suspension && (
                      <p className="max-w-xs text-xs text-slate-600" data-testid="suspension-reason">
                        {organisation.suspension.reason ?? "No reason given"} — {organisation.suspension.by},{" "}
                        {formatDateTime(organisation.suspension.at)}
                      </p>
                    )}
                  </div>
                )}
              </Td>
              <Td data-testid="odoo-link">
                <OdooLink odoo={organisation.odoo} now={now} />
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(organisation.createdAt)}</Td>
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
      <OrganisationStatusDialog target={confirming} onClose={() => setConfirming(null)} />
    </>
  );
}
