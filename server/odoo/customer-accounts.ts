import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { OdooClient } from "@/server/odoo/client";
import { getCountryCodes } from "@/server/odoo/countries";
import { OdooError } from "@/server/odoo/errors";
import {
  fieldsOf,
  odooBoolean,
  odooDatetime,
  odooMany2one,
  odooMoney,
  odooRecord,
  odooSelection,
  odooText,
  type TMany2one,
} from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// res.partner seen as a customer account (the ERP cache's view): the company partner of any
// partner id, its delivery and invoice children and its credit. Partners as records to find and
// create are in partners.ts.

const MODEL = "res.partner";
// Archived children are read too, so the cache can drop them.
const WITH_ARCHIVED = { active_test: false };

// A customer's account as the ERP cache keeps it. The fields a restricted integration user may
// be refused (`credit`, `credit_limit`: Odoo's account groups) are read apart, so a refusal
// costs only the credit figures, not the whole sync.
const CUSTOMER = {
  name: odooText,
  is_company: odooBoolean,
  type: odooSelection(["contact", "invoice", "delivery", "other"]),
  ref: odooText,
  vat: odooText,
  phone: odooText,
  street: odooText,
  street2: odooText,
  zip: odooText,
  city: odooText,
  state_id: odooMany2one,
  country_id: odooMany2one,
  parent_id: odooMany2one,
  commercial_partner_id: odooMany2one,
  active: odooBoolean,
  sale_warn_msg: odooText,
  // Computed from the company in Odoo (always set there); unset in an emulator that does not compute it.
  currency_id: odooMany2one,
  property_payment_term_id: odooMany2one,
  property_product_pricelist: odooMany2one,
  property_account_position_id: odooMany2one,
  user_id: odooMany2one,
  write_date: odooDatetime,
};
const ZCustomerRecord = odooRecord(CUSTOMER);
const ZCreditRecord = odooRecord({ credit: odooMoney, credit_limit: odooMoney });
const ZCompanyCurrency = odooRecord({ currency_id: odooMany2one });

type TCustomerRecord = z.infer<typeof ZCustomerRecord>;

export type TOdooCustomerContact = {
  id: number;
  type: "contact" | "invoice" | "delivery" | "other";
  name: string | null;
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  stateName: string | null;
  countryCode: string | null;
  phone: string | null;
  active: boolean;
  parentId: number | null;
  writeDate: Date;
};

export type TOdooCustomerAccount = {
  /** The commercial partner (the company) of the id asked for. */
  company: TOdooCustomerContact & {
    ref: string | null;
    vat: string | null;
    salesWarning: string | null;
    currency: string | null;
    paymentTerm: TMany2one;
    pricelist: TMany2one;
    fiscalPosition: TMany2one;
    salesperson: TMany2one;
  };
  /** Its delivery and invoice children, archived ones included (active = false). */
  children: TOdooCustomerContact[];
  /** Credit limit and Total Receivable in minor units; null when Odoo refused them to this user. */
  credit: { limitMinor: number; dueMinor: number } | null;
};

function toContact(record: TCustomerRecord, codes: Map<number, string>): TOdooCustomerContact {
  if (!record.write_date)
    throw new AppError("UPSTREAM_FAILED", `Odoo partner ${record.id} has no write_date.`, undefined, {
      retryable: false,
    });

  return {
    id: record.id,
    type: record.type ?? "contact",
    name: record.name,
    street: record.street,
    street2: record.street2,
    zip: record.zip,
    city: record.city,
    stateName: record.state_id?.name ?? null,
    countryCode: record.country_id ? (codes.get(record.country_id.id) ?? null) : null,
    phone: record.phone,
    active: record.active,
    parentId: record.parent_id?.id ?? null,
    writeDate: record.write_date,
  };
}

async function readCredit(client: OdooClient, id: number): Promise<TOdooCustomerAccount["credit"]> {
  try {
    const [record] = await client.read(MODEL, [id], ["credit", "credit_limit"], ZCreditRecord);

    return record ? { limitMinor: record.credit_limit, dueMinor: record.credit } : null;
  } catch (error) {
    if (error instanceof OdooError && error.exceptionName === "AccessError") return null;
    throw error;
  }
}

/** Odoo gives a partner its company's currency; the first company's when the partner does not say. */
async function companyCurrency(client: OdooClient): Promise<string | null> {
  const [company] = await client.searchRead("res.company", ["currency_id"], ZCompanyCurrency, {
    order: "id asc",
    limit: 1,
  });

  return company?.currency_id?.name ?? null;
}

/**
 * The account of the customer a partner id belongs to (its commercial partner, with every
 * delivery/invoice child, archived too); null when Odoo has no partner with that id. Reads only.
 */
export function getCustomerAccount(client: OdooClient, partnerId: number): Promise<TOdooCustomerAccount | null> {
  return withAppErrors(async () => {
    // search_read by id, not read: a deleted partner is an answer here (null), not a MissingError.
    const byId = (id: number) =>
      client.searchRead(MODEL, fieldsOf(CUSTOMER), ZCustomerRecord, {
        domain: [["id", "=", id]],
        context: WITH_ARCHIVED,
      });
    const [asked] = await byId(partnerId);
    if (!asked) return null;
    const companyId = asked.commercial_partner_id?.id ?? asked.id;
    const [company] = companyId === asked.id ? [asked] : await byId(companyId);
    if (!company) return null;
    const [children, credit] = await Promise.all([
      client.searchRead(MODEL, fieldsOf(CUSTOMER), ZCustomerRecord, {
        domain: [
          ["parent_id", "=", company.id],
          ["type", "in", ["delivery", "invoice"]],
        ],
        order: "id asc",
        context: WITH_ARCHIVED,
      }),
      readCredit(client, company.id),
    ]);
    const all = [company, ...children];
    const codes = await getCountryCodes(
      client,
      all.flatMap((record) => (record.country_id ? [record.country_id.id] : [])),
    );

    return {
      company: {
        ...toContact(company, codes),
        ref: company.ref,
        vat: company.vat,
        salesWarning: company.sale_warn_msg,
        currency: company.currency_id?.name ?? (await companyCurrency(client)),
        paymentTerm: company.property_payment_term_id,
        pricelist: company.property_product_pricelist,
        fiscalPosition: company.property_account_position_id,
        salesperson: company.user_id,
      },
      children: children.map((child) => toContact(child, codes)),
      credit,
    };
  });
}
