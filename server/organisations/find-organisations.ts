import "server-only";
import { db } from "@/server/db";

export type TOrganisationSummary = {
  id: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  memberCount: number;
  createdAt: Date;
  /** The linked Odoo company partner and when its cached copy was last synced (null: not yet). */
  odoo: { partnerId: number; ref: string | null; syncedAt: Date | null } | null;
  /** Why and when a suspended organisation was suspended, from its last suspension's audit entry. */
  suspension: { reason: string | null; at: Date; by: string } | null;
};

const SUSPENDED_ACTION = "organisation.suspended";

function reasonOf(after: unknown): string | null {
  const reason = (after as { reason?: unknown } | null)?.reason;

  return typeof reason === "string" && reason ? reason : null;
}

/**
 * Every organisation, for staff (the caller must hold organisations.read): members, status, the
 * Odoo link (the external-ID table is what says "linked"; the ERP cache says how fresh) and, for
 * a suspended one, the reason given. Reads only; three round trips whatever the number of organisations.
 */
export async function findOrganisations(): Promise<TOrganisationSummary[]> {
  const organisations = await db.organisation.findMany({
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      _count: { select: { users: true } },
      erpCustomer: { select: { odooPartnerId: true, ref: true, syncedAt: true } },
    },
    orderBy: { name: "asc" },
  });
  const ids = organisations.map((organisation) => organisation.id);
  const suspendedIds = organisations.filter((o) => o.status === "SUSPENDED").map((o) => o.id);
  const [links, suspensions] = await Promise.all([
    db.externalLink.findMany({
      where: { system: "ODOO", entityType: "organisation", localId: { in: ids } },
      select: { localId: true, externalId: true },
    }),
    suspendedIds.length
      ? db.auditLog.findMany({
          where: { entityType: "organisation", action: SUSPENDED_ACTION, entityId: { in: suspendedIds } },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          distinct: ["entityId"],
          select: { entityId: true, after: true, at: true, actorLabel: true },
        })
      : [],
  ]);
  const partnerOf = new Map(links.map((link) => [link.localId, Number(link.externalId)]));
  const suspensionOf = new Map(suspensions.map((entry) => [entry.entityId, entry]));

  return organisations.map(({ _count, erpCustomer, ...organisation }) => {
    const partnerId = partnerOf.get(organisation.id);
    // The cache row belongs to the link only while it names the same partner (a re-link refills it).
    const cache = erpCustomer?.odooPartnerId === partnerId ? erpCustomer : null;
    const suspension = organisation.status === "SUSPENDED" ? suspensionOf.get(organisation.id) : undefined;

    return {
      ...organisation,
      memberCount: _count.users,
      odoo: partnerId ? { partnerId, ref: cache?.ref ?? null, syncedAt: cache?.syncedAt ?? null } : null,
      suspension: suspension
        ? { reason: reasonOf(suspension.after), at: suspension.at, by: suspension.actorLabel }
        : null,
    };
  });
}
