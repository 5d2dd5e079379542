import "server-only";
import { db } from "@/server/db";

export type TAddressChangeRequestView = {
  id: string;
  addressSnapshot: string;
  message: string;
  requestedByName: string;
  createdAt: Date;
  /** waiting: not in Odoo yet; sent: a to-do in Odoo; done: Odoo's copy of the address changed since. */
  state: "waiting" | "sent" | "done";
};

/**
 * The organisation's address change requests of the last 90 days, newest first. A request is done
 * once the cached address's Odoo write date is later than the request (the ERP sync brought the
 * change) — or the address is gone from Odoo. Read-only; scoped by the organisation in the query.
 */
export async function findAddressChangeRequests(organisationId: string): Promise<TAddressChangeRequestView[]> {
  const requests = await db.addressChangeRequest.findMany({
    where: { organisationId, createdAt: { gt: new Date(Date.now() - 90 * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const addresses = await db.erpAddress.findMany({
    where: { organisationId, odooPartnerId: { in: requests.map((request) => request.odooPartnerId) } },
    select: { odooPartnerId: true, odooWriteDate: true },
  });
  const writeDates = new Map(addresses.map((address) => [address.odooPartnerId, address.odooWriteDate]));

  return requests.map((request) => {
    const writeDate = writeDates.get(request.odooPartnerId);
    const done = !writeDate || writeDate > request.createdAt;

    return {
      id: request.id,
      addressSnapshot: request.addressSnapshot,
      message: request.message,
      requestedByName: request.requestedByName,
      createdAt: request.createdAt,
      state: done ? "done" : request.odooActivityId ? "sent" : "waiting",
    };
  });
}
