import "server-only";
import { AppError } from "@/lib/errors";
import { organisationIdFromRef } from "@/lib/erp/organisation-ref";
import {
  planCustomerCache,
  type TCachedAddress,
  type TCachedCustomer,
  type TFreshCustomer,
} from "@/lib/erp/plan-customer-cache";
import { db } from "@/server/db";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import {
  getCustomerAccount,
  type TOdooCustomerAccount,
  type TOdooCustomerContact,
} from "@/server/odoo/customer-accounts";

const LINK = { system: "ODOO", entityType: "organisation" } as const;
const MAX_CACHED_MINOR = 2 ** 31 - 1;

type TOrganisationMatch = { organisationId: string } | { skipped: string };

/** The organisation of a company partner: by its link, else by our reference in `ref` (then linked). */
async function findOrganisation(company: TOdooCustomerAccount["company"]): Promise<TOrganisationMatch> {
  const link = await db.externalLink.findUnique({
    where: { system_entityType_externalId: { ...LINK, externalId: String(company.id) } },
    select: { localId: true },
  });
  const organisationId = link?.localId ?? organisationIdFromRef(company.ref);
  if (!organisationId) return { skipped: `Odoo partner ${company.id} is not linked to an organisation` };
  const exists = await db.organisation.count({ where: { id: organisationId } });
  if (!exists)
    return { skipped: `Odoo partner ${company.id} names organisation ${organisationId}, which does not exist` };
  if (link) return { organisationId };
  try {
    await linkExternalRecord({ ...LINK, localId: organisationId, externalId: String(company.id) });
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT")
      return {
        skipped: `Organisation ${organisationId} is linked to another Odoo partner; ${company.id} is a duplicate`,
      };
    throw error;
  }

  return { organisationId };
}

function freshCustomer(organisationId: string, account: TOdooCustomerAccount): TFreshCustomer {
  const { company, children, credit } = account;
  if (!company.currency)
    throw new AppError("UPSTREAM_FAILED", `Odoo gives partner ${company.id} no currency.`, undefined, {
      retryable: false,
    });
  // The cache keeps money in 32-bit integers (minor units): a larger figure is refused loudly, not wrapped.
  for (const amount of [credit?.limitMinor, credit?.dueMinor])
    if (amount !== undefined && Math.abs(amount) > MAX_CACHED_MINOR)
      throw new AppError("INVALID_STATE", `Odoo partner ${company.id} has a credit figure too large to cache.`);
  const address = ({
    id,
    type,
    name,
    street,
    street2,
    zip,
    city,
    stateName,
    countryCode,
    phone,
    writeDate,
  }: TOdooCustomerContact) => ({
    odooPartnerId: id,
    organisationId,
    type,
    name,
    street,
    street2,
    zip,
    city,
    stateName,
    countryCode,
    phone,
    odooWriteDate: writeDate,
  });
  const customer: TCachedCustomer = {
    odooPartnerId: company.id,
    name: company.name ?? "",
    ref: company.ref,
    vat: company.vat,
    active: company.active,
    salesWarning: company.salesWarning,
    currency: company.currency,
    // Odoo checks no limit when it is 0: for us that is "no limit set".
    creditLimitMinor: credit?.limitMinor || null,
    amountDueMinor: credit?.dueMinor ?? null,
    paymentTermId: company.paymentTerm?.id ?? null,
    paymentTermName: company.paymentTerm?.name ?? null,
    pricelistId: company.pricelist?.id ?? null,
    pricelistName: company.pricelist?.name ?? null,
    fiscalPositionId: company.fiscalPosition?.id ?? null,
    fiscalPositionName: company.fiscalPosition?.name ?? null,
    salespersonName: company.salesperson?.name ?? null,
    odooWriteDate: company.writeDate,
  };

  return {
    organisationId,
    customer,
    creditKnown: credit !== null,
    // The company's own address stays while the company is archived: it is still the customer's.
    addresses: [
      { ...address(company), active: true },
      ...children.map((child) => ({ ...address(child), active: child.active })),
    ],
  };
}

/** A partner Odoo no longer has: its cached address goes, and the whole customer if it was the company. */
async function forgetPartner(odooPartnerId: number): Promise<TSyncResult> {
  const removed = await db.$transaction(async (tx) => {
    const customer = await tx.erpCustomer.findUnique({ where: { odooPartnerId }, select: { organisationId: true } });
    const where = customer ? { organisationId: customer.organisationId } : { odooPartnerId };
    const addresses = await tx.erpAddress.deleteMany({ where });
    if (customer) await tx.erpCustomer.delete({ where: { odooPartnerId } });

    return addresses.count + (customer ? 1 : 0);
  });
  if (!removed) return { outcome: "SKIPPED", summary: `Odoo has no partner ${odooPartnerId}; nothing cached` };

  return {
    outcome: "CHANGED",
    summary: `Odoo has no partner ${odooPartnerId} any more: ${removed} cached row(s) removed`,
  };
}

/**
 * Brings the ERP cache of the customer a partner belongs to (the partner itself or its
 * commercial partner) in line with Odoo. Re-reads Odoo, trusts nothing else; idempotent (a
 * second run writes nothing and says UNCHANGED); never replaces a row with data older than
 * its write_date. Partners of no organisation are SKIPPED with nothing written. Side effect:
 * links the organisation to the partner when found by our reference.
 */
export async function syncOdooCustomer(
  odooPartnerId: number,
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  if (!Number.isSafeInteger(odooPartnerId) || odooPartnerId <= 0)
    throw new AppError("INVALID_INPUT", `Not an Odoo partner id: ${String(odooPartnerId)}`);
  const account = await getCustomerAccount(client, odooPartnerId);
  if (!account) return forgetPartner(odooPartnerId);
  const match = await findOrganisation(account.company);
  if ("skipped" in match) return { outcome: "SKIPPED", summary: match.skipped, externalId: String(account.company.id) };
  const { organisationId } = match;
  const fresh = freshCustomer(organisationId, account);
  const ids = fresh.addresses.map((address) => address.odooPartnerId);

  const plan = await db.$transaction(async (tx) => {
    // One sync per organisation at a time: the compare and the write see the same rows.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`erp.customer:${organisationId}`}))`;
    const [customer, addresses] = await Promise.all([
      tx.erpCustomer.findUnique({ where: { organisationId }, omit: { organisationId: true, syncedAt: true } }),
      tx.erpAddress.findMany({
        where: { OR: [{ organisationId }, { odooPartnerId: { in: ids } }] },
        omit: { syncedAt: true },
      }),
    ]);
    const plan = planCustomerCache({ customer, addresses: addresses as TCachedAddress[] }, fresh);
    const syncedAt = new Date();
    if (plan.customer) {
      const data = { ...plan.customer, syncedAt };
      await tx.erpCustomer.upsert({ where: { organisationId }, create: { organisationId, ...data }, update: data });
    }
    if (plan.deleteAddressIds.length)
      await tx.erpAddress.deleteMany({ where: { odooPartnerId: { in: plan.deleteAddressIds } } });
    for (const address of plan.upsertAddresses) {
      const data = { ...address, syncedAt };
      await tx.erpAddress.upsert({ where: { odooPartnerId: address.odooPartnerId }, create: data, update: data });
    }

    return plan;
  });

  const result = { localId: organisationId, externalId: String(account.company.id) };
  if (plan.stale)
    return { outcome: "UNCHANGED", summary: "Odoo's answer was older than the cache; kept the cache", ...result };
  const writes = [
    plan.customer ? "customer" : null,
    plan.upsertAddresses.length ? `${plan.upsertAddresses.length} address(es) written` : null,
    plan.deleteAddressIds.length ? `${plan.deleteAddressIds.length} address(es) removed` : null,
  ].filter((write) => write !== null);
  if (!writes.length) return { outcome: "UNCHANGED", ...result };

  if (!fresh.creditKnown) writes.push("credit not readable by the integration user, kept as cached");

  return {
    outcome: "CHANGED",
    summary: writes.join("; "),
    detail: { upserted: plan.upsertAddresses.map((a) => a.odooPartnerId), removed: plan.deleteAddressIds },
    ...result,
  };
}
