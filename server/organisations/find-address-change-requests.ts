import "server-only";
import { addressSnapshot } from "@/lib/erp/address-snapshot";
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
 * once the cached address (as the ERP sync brings it from Odoo) reads differently from when it was
 * requested, or was written in Odoo after the request (a change the one-line address does not show,
 * such as the phone) — or the address is gone from Odoo. Odoo's write dates have whole seconds, so
 * comparing content catches a change made within the second of the request too. Read-only; scoped
 * by the organisation in the query.
 */
export async function findAddressChangeRequests(organisationId: string): Promise<TAddressChangeRequestView[]> {
  const requests = await db.addressChangeRequest.findMany({
    where: { organisationId, createdAt: { gt: new Date(Date.now() - 90 * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const addresses = await db.erpAddress.findMany({
    where: { organisationId, odooPartnerId: { in: requests.map((request) => request.odooPartnerId) } },
    select: {
      odooPartnerId: true,
      odooWriteDate: true,
      name: true,
      street: true,
      street2: true,
      zip: true,
      city: true,
      countryCode: true,
    },
  });
  const current = new Map(addresses.map((address) => [address.odooPartnerId, address]));

  return requests.map((request) => {
    const address = current.get(request.odooPartnerId);
    const done =
      !address || addressSnapshot(address) !== request.addressSnapshot || address.odooWriteDate > request.createdAt;

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
