import "server-only";
import { addressSnapshot } from "@/lib/erp/address-snapshot";
import { AppError } from "@/lib/errors";
import type { TRequestAddressChangeInput } from "@/lib/validation/address-change";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { pushAddressChangeRequestJob } from "@/server/jobs/definitions/push-address-change-request";
import { enqueue } from "@/server/jobs/enqueue";

/**
 * Records an org admin's request to change one of the organisation's addresses (as cached from
 * Odoo; another organisation's address is NOT_FOUND) and queues its push to Odoo in the same
 * transaction. Audited. Odoo stays the source of truth: nothing here changes the address.
 */
export async function requestAddressChange({
  actor,
  organisationId,
  input,
}: {
  actor: TSessionUser;
  organisationId: string;
  input: TRequestAddressChangeInput;
}): Promise<{ requestId: string }> {
  return db.$transaction(async (tx) => {
    const address = await tx.erpAddress.findFirst({ where: { odooPartnerId: input.odooPartnerId, organisationId } });
    if (!address) throw new AppError("NOT_FOUND", "No such address of your organisation.");
    const snapshot = addressSnapshot(address);
    const request = await tx.addressChangeRequest.create({
      data: {
        organisationId,
        odooPartnerId: address.odooPartnerId,
        requestedById: actor.id,
        requestedByName: actor.name,
        message: input.message,
        addressSnapshot: snapshot,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "address.change-requested",
      entityType: "address-change-request",
      entityId: request.id,
      organisationId,
      after: { odooPartnerId: address.odooPartnerId, address: snapshot, message: input.message },
    });
    await enqueue(tx, pushAddressChangeRequestJob, { requestId: request.id });

    return { requestId: request.id };
  });
}
