import "server-only";
import { db } from "@/server/db";
import { findCompanyPartners } from "@/server/odoo/partners";
import { getOdooClient } from "@/server/odoo/get-odoo-client";

export type TOdooCompanyCandidate = {
  odooPartnerId: number;
  name: string;
  ref: string | null;
  vat: string | null;
  city: string | null;
  /** The organisation this partner is linked to already, if any. */
  linkedOrganisation: { id: string; name: string } | null;
};

/** Odoo's active company partners matching `text` (name, reference or VAT), each with its link to us. Reads only. */
export async function findOdooCompanies(text: string): Promise<TOdooCompanyCandidate[]> {
  const partners = await findCompanyPartners(getOdooClient(), text, { limit: 25 });
  const links = await db.externalLink.findMany({
    where: { system: "ODOO", entityType: "organisation", externalId: { in: partners.map((p) => String(p.id)) } },
    select: { externalId: true, localId: true },
  });
  const organisations = await db.organisation.findMany({
    where: { id: { in: links.map((link) => link.localId) } },
    select: { id: true, name: true },
  });
  const linkedTo = new Map(
    links.map((link) => [link.externalId, organisations.find((organisation) => organisation.id === link.localId)]),
  );

  return partners.map((partner) => ({
    odooPartnerId: partner.id,
    name: partner.name,
    ref: partner.ref || null,
    vat: partner.vat || null,
    city: partner.address.city,
    linkedOrganisation: linkedTo.get(String(partner.id)) ?? null,
  }));
}
