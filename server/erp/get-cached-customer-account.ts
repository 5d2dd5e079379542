import "server-only";
import { AppError } from "@/lib/errors";
import { availableCreditMinor } from "@/lib/erp/customer-account";
import { organisationRef } from "@/lib/erp/organisation-ref";
import { hasPermission } from "@/server/auth/permissions";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

export type TCachedAddressView = {
  id: number;
  type: string;
  name: string | null;
  /** Street, street 2, "zip city", state, country: the lines Odoo has, in order. */
  lines: string[];
  phone: string | null;
};

export type TCachedCustomerAccount =
  | { linked: false; reference: string }
  | {
      linked: true;
      reference: string;
      name: string;
      active: boolean;
      salesWarning: string | null;
      currency: string;
      creditLimitMinor: number | null;
      amountDueMinor: number | null;
      availableCreditMinor: number | null;
      paymentTermName: string | null;
      salespersonName: string | null;
      pricelistName: string | null;
      /** When the cache last took a change from Odoo (a sync that finds nothing new writes nothing). */
      updatedAt: Date;
      addresses: TCachedAddressView[];
    };

// The company first, then delivery and invoice addresses, then anything else Odoo has.
const TYPE_ORDER = ["contact", "delivery", "invoice"];
function typeRank(type: string): number {
  const rank = TYPE_ORDER.indexOf(type);

  return rank < 0 ? TYPE_ORDER.length : rank;
}
const COUNTRIES = new Intl.DisplayNames(["en-GB"], { type: "region" });

/**
 * The caller's organisation's account with us as the ERP cache has it: credit, terms and
 * addresses, read-only. The organisation comes from the session and scopes every query; only
 * its admins may read it (FORBIDDEN otherwise). No Odoo call: the page reads the cache only.
 */
export async function getCachedCustomerAccount(user: TSessionUser): Promise<TCachedCustomerAccount> {
  if (!hasPermission(user.role, "organisation.account.read"))
    throw new AppError("FORBIDDEN", "Only your organisation's administrators can see its account.");
  const organisationId = organisationIdOf(user);
  const [customer, addresses] = await Promise.all([
    db.erpCustomer.findUnique({ where: { organisationId } }),
    db.erpAddress.findMany({ where: { organisationId }, orderBy: { odooPartnerId: "asc" } }),
  ]);
  const reference = organisationRef(organisationId);
  if (!customer) return { linked: false, reference };
  const updatedAt = [customer.syncedAt, ...addresses.map((row) => row.syncedAt)].reduce((a, b) => (b > a ? b : a));

  return {
    linked: true,
    reference,
    name: customer.name,
    active: customer.active,
    salesWarning: customer.salesWarning,
    currency: customer.currency,
    creditLimitMinor: customer.creditLimitMinor,
    amountDueMinor: customer.amountDueMinor,
    availableCreditMinor: availableCreditMinor(customer.creditLimitMinor, customer.amountDueMinor),
    paymentTermName: customer.paymentTermName,
    salespersonName: customer.salespersonName,
    pricelistName: customer.pricelistName,
    updatedAt,
    addresses: addresses
      .sort((a, b) => typeRank(a.type) - typeRank(b.type))
      .map((row) => ({
        id: row.odooPartnerId,
        type: row.type,
        name: row.name,
        lines: [
          row.street,
          row.street2,
          [row.zip, row.city].filter(Boolean).join(" "),
          row.stateName,
          row.countryCode && COUNTRIES.of(row.countryCode),
        ]
          .map((line) => line?.trim())
          .filter((line): line is string => !!line),
        phone: row.phone,
      })),
  };
}
