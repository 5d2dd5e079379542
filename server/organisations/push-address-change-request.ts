import "server-only";
import { db } from "@/server/db";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { createPartnerActivity } from "@/server/odoo/partner-activities";

/**
 * The job's handler: creates the Odoo to-do for one request and records its id. Idempotent — a
 * request already pushed is left alone, and the gateway finds an activity it made before.
 */
export async function pushAddressChangeRequest({ requestId }: { requestId: string }) {
  const request = await db.addressChangeRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      odooPartnerId: true,
      message: true,
      addressSnapshot: true,
      requestedByName: true,
      odooActivityId: true,
      organisation: { select: { name: true } },
    },
  });
  if (!request) return { skipped: "no such request" };
  if (request.odooActivityId) return { odooActivityId: request.odooActivityId, unchanged: true };

  const { id } = await createPartnerActivity(getOdooClient(), {
    partnerId: request.odooPartnerId,
    reference: `ACR-${request.id}`,
    summary: `Address change requested by ${request.requestedByName} (${request.organisation.name})`,
    note: `Address: ${request.addressSnapshot}\n\nRequested change:\n${request.message}`,
    dueInDays: 2,
  });
  await db.addressChangeRequest.update({
    where: { id: request.id },
    data: { odooActivityId: id, pushedAt: new Date() },
  });

  return { odooActivityId: id };
}
