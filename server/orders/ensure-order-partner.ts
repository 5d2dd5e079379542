import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { organisationRef } from "@/lib/erp/organisation-ref";
import { db } from "@/server/db";
import { ensureExternalRecord } from "@/server/integrations/ensure-external-record";
import { getExternalId, linkExternalRecord } from "@/server/integrations/link-external-record";
import type { OdooClient } from "@/server/odoo/client";
import { createChildAddress, createCompanyPartner, getCompanyPartnerByRef } from "@/server/odoo/partners";

// The address snapshot checkout keeps on the order; read leniently, it was written by another use case.
const ZAddressSnapshot = z.object({
  name: z.string().min(1).optional(),
  company: z.string().min(1).optional(),
  street: z.string().min(1),
  street2: z.string().optional(),
  zip: z.string().min(1),
  city: z.string().min(1),
  countryCode: z.string().length(2),
});

export type TOrderForPartner = {
  reference: string;
  organisationId: string;
  organisation: { name: string };
  odooAddressId: number | null;
  shippingAddress: unknown;
};

export type TOrderPartner = { partnerId: number; shippingAddressId?: number; paymentTermId?: number };

/**
 * The Odoo partner, delivery address and payment terms of an order's push. The partner is the
 * organisation's company partner: the cached ERP customer first, then the external-ID link, then
 * a look-up by our organisation `ref`, and only then created (once, also under concurrent
 * pushes: ensureExternalRecord). The delivery address is the cached Odoo address checkout chose;
 * an order without one gets a delivery child created from its snapshot (found again by a `ref`
 * derived from the address, so orders to the same place share it). Odoo calls only when nothing is cached.
 */
export async function ensureOrderPartner(client: OdooClient, order: TOrderForPartner): Promise<TOrderPartner> {
  const cached = await db.erpCustomer.findUnique({
    where: { organisationId: order.organisationId },
    select: { odooPartnerId: true, paymentTermId: true },
  });
  const snapshot = ZAddressSnapshot.safeParse(order.shippingAddress);
  const partnerId =
    cached?.odooPartnerId ??
    Number(
      await ensureExternalRecord(
        { system: "ODOO", entityType: "organisation", localId: order.organisationId },
        {
          find: async () =>
            (await getCompanyPartnerByRef(client, organisationRef(order.organisationId)))?.id.toString() ?? null,
          create: async () => {
            if (!snapshot.success)
              throw new AppError(
                "INVALID_STATE",
                `Order ${order.reference}: its organisation is not in Odoo and the order has no address to create it with.`,
              );
            const { name: _name, company: _company, ...address } = snapshot.data;
            const created = await createCompanyPartner(client, {
              ref: organisationRef(order.organisationId),
              name: order.organisation.name,
              address,
            });

            return String(created.id);
          },
        },
      ),
    );
  const shippingAddressId = order.odooAddressId ?? (await ensureSnapshotAddress(client, order, partnerId));

  return {
    partnerId,
    ...(shippingAddressId ? { shippingAddressId } : {}),
    ...(cached?.paymentTermId ? { paymentTermId: cached.paymentTermId } : {}),
  };
}

/** One delivery child per distinct address, reused by every order that ships there. */
function addressRef(address: z.infer<typeof ZAddressSnapshot>): string {
  const text = [address.name, address.company, address.street, address.street2, address.zip, address.city]
    .map((part) => part?.trim().toLowerCase() ?? "")
    .concat(address.countryCode.toUpperCase())
    .join("|");

  return `tp-address-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}

async function ensureSnapshotAddress(
  client: OdooClient,
  order: TOrderForPartner,
  partnerId: number,
): Promise<number | undefined> {
  const snapshot = ZAddressSnapshot.safeParse(order.shippingAddress);
  // Without an address of its own the order ships to the partner's address (Odoo's default).
  if (!snapshot.success) return undefined;
  const { name, company, ...address } = snapshot.data;
  const ref = addressRef(snapshot.data);
  const key = { system: "ODOO", entityType: "address", localId: `${partnerId}:${ref}` } as const;
  const linked = await getExternalId(key);
  if (linked) return Number(linked);
  const { id } = await createChildAddress(client, {
    parentId: partnerId,
    ref,
    type: "delivery",
    name: name ?? company ?? order.organisation.name,
    address,
  });
  await linkExternalRecord({ ...key, externalId: String(id) });

  return id;
}
