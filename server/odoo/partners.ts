import "server-only";
import { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { readChangedSince, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";
import { getCountryCodes, getCountryIdByCode } from "@/server/odoo/countries";
import {
  fieldsOf,
  odooBoolean,
  odooDatetime,
  odooIds,
  odooMany2one,
  odooMoney,
  odooRecord,
  odooSelection,
  odooText,
} from "@/server/odoo/mappers";
import { parseGatewayInput, withAppErrors } from "@/server/odoo/to-app-error";

// res.partner: an organisation is a company partner found by our reference (`ref`); its
// delivery and invoice addresses are child partners, also with a `ref` of ours, because
// Odoo does not copy `ref` to children and has no idempotency key.

const MODEL = "res.partner";
// An archived partner with our reference is still ours: look-ups must not miss it and create a twin.
const WITH_ARCHIVED = { active_test: false };

const PARTNER = {
  name: odooText,
  is_company: odooBoolean,
  type: odooSelection(["contact", "invoice", "delivery", "other"]),
  ref: odooText,
  vat: odooText,
  email: odooText,
  phone: odooText,
  street: odooText,
  street2: odooText,
  zip: odooText,
  city: odooText,
  country_id: odooMany2one,
  parent_id: odooMany2one,
  child_ids: odooIds,
  commercial_partner_id: odooMany2one,
  // Group-restricted in Odoo (account rights): the integration user needs them to read it.
  credit_limit: odooMoney,
  property_payment_term_id: odooMany2one,
  active: odooBoolean,
  write_date: odooDatetime,
};
const PARTNER_FIELDS = fieldsOf(PARTNER);

const ZPartnerRecord = odooRecord(PARTNER).transform((p) => ({
  id: p.id,
  name: p.name ?? "",
  isCompany: p.is_company,
  type: p.type,
  ref: p.ref,
  vat: p.vat,
  email: p.email,
  phone: p.phone,
  address: { street: p.street, street2: p.street2, zip: p.zip, city: p.city, countryId: p.country_id?.id ?? null },
  parentId: p.parent_id?.id ?? null,
  childIds: p.child_ids,
  commercialPartnerId: p.commercial_partner_id?.id ?? p.id,
  creditLimitMinor: p.credit_limit,
  paymentTerm: p.property_payment_term_id,
  active: p.active,
  writeDate: p.write_date,
}));

type TPartnerRecord = z.infer<typeof ZPartnerRecord>;

export type TOdooAddress = {
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null;
};
export type TOdooPartner = Omit<TPartnerRecord, "address"> & { address: TOdooAddress };
export type TOdooPartnerWithAddresses = TOdooPartner & {
  deliveryAddresses: TOdooPartner[];
  invoiceAddresses: TOdooPartner[];
};

const ZAddressInput = z.object({
  street: z.string().min(1),
  street2: z.string().optional(),
  zip: z.string().min(1),
  city: z.string().min(1),
  countryCode: z.string().length(2),
});

export const ZCompanyPartnerInput = z.object({
  ref: z.string().min(1).max(64),
  name: z.string().min(1),
  vat: z.string().optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
  address: ZAddressInput,
});
export type TCompanyPartnerInput = z.infer<typeof ZCompanyPartnerInput>;

export const ZChildAddressInput = z.object({
  parentId: z.number().int().positive(),
  ref: z.string().min(1).max(64),
  type: z.enum(["delivery", "invoice"]).default("delivery"),
  name: z.string().min(1),
  address: ZAddressInput,
});
export type TChildAddressInput = z.input<typeof ZChildAddressInput>;

/** Replaces Odoo's country ids by ISO codes (one read of res.country per unknown id). */
async function withCountryCodes(client: OdooClient, records: TPartnerRecord[]): Promise<TOdooPartner[]> {
  const codes = await getCountryCodes(
    client,
    records.flatMap((record) => (record.address.countryId ? [record.address.countryId] : [])),
  );

  return records.map(({ address: { countryId, ...address }, ...record }) => ({
    ...record,
    address: { ...address, countryCode: countryId ? (codes.get(countryId) ?? null) : null },
  }));
}

async function searchPartners(client: OdooClient, domain: unknown[], limit?: number): Promise<TOdooPartner[]> {
  const records = await client.searchRead(MODEL, PARTNER_FIELDS, ZPartnerRecord, {
    domain,
    order: "id asc",
    limit,
    context: WITH_ARCHIVED,
  });

  return withCountryCodes(client, records);
}

/** The company partner with our reference, archived or not; null when there is none. Reads only. */
export function getCompanyPartnerByRef(client: OdooClient, ref: string): Promise<TOdooPartner | null> {
  return withAppErrors(
    async () =>
      (
        await searchPartners(
          client,
          [
            ["ref", "=", ref],
            ["is_company", "=", true],
          ],
          1,
        )
      )[0] ?? null,
  );
}

/** Partners by id with their active delivery and invoice addresses (two reads); unknown ids are left out. */
export function getPartnersByIds(client: OdooClient, ids: number[]): Promise<TOdooPartnerWithAddresses[]> {
  return withAppErrors(async () => {
    if (!ids.length) return [];
    const partners = await client.read(MODEL, ids, PARTNER_FIELDS, ZPartnerRecord);
    const addressDomain = [
      ["parent_id", "in", partners.map((partner) => partner.id)],
      ["type", "in", ["delivery", "invoice"]],
    ];
    const addresses = partners.length
      ? await client.searchRead(MODEL, PARTNER_FIELDS, ZPartnerRecord, { domain: addressDomain, order: "id asc" })
      : [];
    const all = await withCountryCodes(client, [...partners, ...addresses]);
    const [withCodes, addressesWithCodes] = [all.slice(0, partners.length), all.slice(partners.length)];
    const addressesOf = (partner: TOdooPartner, type: "delivery" | "invoice") =>
      addressesWithCodes.filter((address) => address.parentId === partner.id && address.type === type);

    return withCodes.map((partner) => ({
      ...partner,
      deliveryAddresses: addressesOf(partner, "delivery"),
      invoiceAddresses: addressesOf(partner, "invoice"),
    }));
  });
}

/** Active company partners whose name, reference or VAT number contains `text`. Reads only. */
export function findCompanyPartners(
  client: OdooClient,
  text: string,
  { limit = 20 }: { limit?: number } = {},
): Promise<TOdooPartner[]> {
  const domain = [
    ["is_company", "=", true],
    ["active", "=", true],
    "|",
    "|",
    ["name", "ilike", text],
    ["ref", "ilike", text],
    ["vat", "ilike", text],
  ];

  return withAppErrors(() => searchPartners(client, domain, limit));
}

function addressValues(client: OdooClient, address: z.infer<typeof ZAddressInput>) {
  return getCountryIdByCode(client, address.countryCode).then((countryId) => ({
    street: address.street,
    street2: address.street2 ?? false,
    zip: address.zip,
    city: address.city,
    country_id: countryId,
  }));
}

/**
 * Creates the company partner for our reference unless one exists (look-up-before-create:
 * Odoo has no idempotency key). Idempotent; `created` says whether this call created it.
 */
export function createCompanyPartner(
  client: OdooClient,
  input: TCompanyPartnerInput,
): Promise<{ id: number; created: boolean }> {
  return withAppErrors(async () => {
    const values = parseGatewayInput(ZCompanyPartnerInput, input);
    const existing = await getCompanyPartnerByRef(client, values.ref);
    if (existing) return { id: existing.id, created: false };
    const [id] = await client.create(MODEL, {
      is_company: true,
      ref: values.ref,
      name: values.name,
      vat: values.vat ?? false,
      email: values.email ?? false,
      phone: values.phone ?? false,
      ...(await addressValues(client, values.address)),
    });

    return { id: id!, created: true };
  });
}

/** Creates a delivery (or invoice) address under a company partner unless our reference exists there. Idempotent. */
export function createChildAddress(
  client: OdooClient,
  input: TChildAddressInput,
): Promise<{ id: number; created: boolean }> {
  return withAppErrors(async () => {
    const values = parseGatewayInput(ZChildAddressInput, input);
    const [existing] = await client.search(
      MODEL,
      [
        ["parent_id", "=", values.parentId],
        ["ref", "=", values.ref],
      ],
      { limit: 1, context: WITH_ARCHIVED },
    );
    if (existing) return { id: existing, created: false };
    const [id] = await client.create(MODEL, {
      parent_id: values.parentId,
      type: values.type,
      ref: values.ref,
      name: values.name,
      ...(await addressValues(client, values.address)),
    });

    return { id: id!, created: true };
  });
}

/** One page of partners (companies and addresses, archived too) written since the cursor. Reads only. */
export function findPartnersChangedSince(
  client: OdooClient,
  cursor: TChangeCursor,
  { limit }: { limit?: number } = {},
): Promise<TChangedPage<TOdooPartner>> {
  return withAppErrors(async () => {
    const page = await readChangedSince(client, {
      model: MODEL,
      fields: PARTNER_FIELDS,
      schema: ZPartnerRecord,
      cursor,
      limit,
      context: WITH_ARCHIVED,
    });

    return { ...page, records: await withCountryCodes(client, page.records) };
  });
}
