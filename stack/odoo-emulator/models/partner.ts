// res.partner: companies and their contacts/addresses. Commercial fields (credit limit,
// payment terms) live on the company and are synced to its children, as Odoo does; the
// sync is a write, so creating a child fires "on write" automations a second time.
import type { Env } from "../orm/env";
import type { Registry } from "../orm/registry";
import type { TRecord } from "../orm/types";

const COMMERCIAL_FIELDS = ["credit_limit", "property_payment_term_id"];

const TYPE_LABELS: Record<string, string> = {
  invoice: "Invoice Address",
  delivery: "Delivery Address",
  other: "Other Address",
};

/**
 * Odoo's complete name: a contact or address under a company reads "<company>, <name>" (the
 * commercial company, else its parent's own name — never the whole chain); a nameless
 * address shows its type; a company under a company keeps its own name.
 */
function partnerDisplayName(record: TRecord, env: Env): string {
  let name = (record.name as string) || "";
  if (!record.parent_id && !record.company_name) return name.trim();
  if (!name && TYPE_LABELS[String(record.type)]) name = TYPE_LABELS[String(record.type)]!;
  if (record.is_company) return name.trim();
  const commercial = env.get("res.partner", commercialPartnerId(env, record.id));
  const commercialName = commercial?.is_company ? commercial.name : record.company_name;
  const company = commercialName || env.get("res.partner", record.parent_id as number)?.name;

  return `${String(company || "")}, ${name}`.trim();
}

export function commercialPartnerId(env: Env, id: number): number {
  let current = env.get("res.partner", id);
  const seen = new Set<number>();
  while (current && !current.is_company && current.parent_id && !seen.has(current.id)) {
    seen.add(current.id);
    current = env.get("res.partner", current.parent_id as number);
  }

  return current?.id ?? id;
}

/**
 * Odoo's address_get for one type: the partner, then its non-company contacts depth first,
 * then up its parents until the commercial entity; else the first plain contact met, else
 * the partner itself. Archived contacts are not children (child_ids hides them).
 */
export function addressOf(env: Env, partnerId: number, type: string): number {
  let contact: number | undefined;
  const visited = new Set<number>();
  let current = env.get("res.partner", partnerId);
  while (current) {
    const toScan: TRecord[] = [current];
    while (toScan.length) {
      const record = toScan.shift()!;
      visited.add(record.id);
      if (record.type === type) return record.id;
      if (record.type === "contact") contact ??= record.id;
      const children = env.inverseIds("res.partner", "parent_id", record.id).map((id) => env.get("res.partner", id)!);
      toScan.unshift(
        ...children.filter((child) => !visited.has(child.id) && !child.is_company && child.active !== false),
      );
    }
    if (current.is_company || !current.parent_id) break;
    current = env.get("res.partner", current.parent_id as number);
  }

  return contact ?? partnerId;
}

function syncCommercialFields(env: Env, from: TRecord, childIds: number[]): void {
  if (!childIds.length) return;
  const values = Object.fromEntries(
    COMMERCIAL_FIELDS.map((name) => [name, from[name] ?? (name === "credit_limit" ? 0 : false)]),
  );
  env.write("res.partner", childIds, values);
}

export function registerPartner(registry: Registry): void {
  registry.register({
    name: "res.partner",
    description: "Contact",
    order: "complete_name asc, id desc",
    modelId: 90,
    displayName: partnerDisplayName,
    fields: [
      { name: "name", type: "char", string: "Name", fieldId: 1008 },
      {
        name: "complete_name",
        type: "char",
        string: "Complete Name",
        compute: (record, env) => partnerDisplayName(record, env),
      },
      { name: "parent_id", type: "many2one", string: "Related Company", relation: "res.partner", fieldId: 1010 },
      { name: "child_ids", type: "one2many", string: "Contact", relation: "res.partner", inverse: "parent_id" },
      { name: "ref", type: "char", string: "Reference", fieldId: 1013 },
      { name: "lang", type: "char", string: "Language", default: () => "en_US" },
      { name: "vat", type: "char", string: "Tax ID" },
      { name: "active", type: "boolean", string: "Active", default: () => true },
      {
        name: "type",
        type: "selection",
        string: "Address Type",
        fieldId: 1033,
        default: () => "contact",
        selection: [
          ["contact", "Contact"],
          ["invoice", "Invoice Address"],
          ["delivery", "Delivery Address"],
          ["other", "Other Address"],
        ],
      },
      { name: "street", type: "char", string: "Street", fieldId: 1035 },
      { name: "street2", type: "char", string: "Street2", fieldId: 1036 },
      { name: "zip", type: "char", string: "Zip", fieldId: 1037 },
      { name: "city", type: "char", string: "City", fieldId: 1038 },
      { name: "country_id", type: "many2one", string: "Country", relation: "res.country", fieldId: 1040 },
      { name: "email", type: "char", string: "Email", fieldId: 1044 },
      { name: "phone", type: "char", string: "Phone" },
      { name: "is_company", type: "boolean", string: "Is a Company" },
      {
        name: "commercial_partner_id",
        type: "many2one",
        string: "Commercial Entity",
        relation: "res.partner",
        compute: (record, env) => commercialPartnerId(env, record.id),
      },
      {
        name: "credit_limit",
        type: "float",
        string: "Credit Limit",
        companyDependent: true,
        groupRestricted: true,
        fieldId: 4726,
      },
      {
        name: "property_payment_term_id",
        type: "many2one",
        string: "Customer Payment Terms",
        relation: "account.payment.term",
        companyDependent: true,
      },
      { name: "write_date", type: "datetime", string: "Last Updated on", fieldId: 1066 },
    ],
    hooks: {
      afterCreate: (env, record) => {
        if (record.parent_id)
          syncCommercialFields(env, env.get("res.partner", commercialPartnerId(env, record.parent_id as number))!, [
            record.id,
          ]);
      },
      afterWrite: (env, record, vals) => {
        if (!COMMERCIAL_FIELDS.some((name) => name in vals) || record.parent_id) return;
        syncCommercialFields(env, record, env.inverseIds("res.partner", "parent_id", record.id));
      },
    },
  });
}
