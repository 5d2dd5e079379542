// The Odoo automation rules Tradepost needs ("Send Webhook Notification" on create and
// write), and the pure comparison that makes setting them up idempotent.

/** Every rule Tradepost owns is named with this prefix; setup finds its rules by it. */
export const WEBHOOK_RULE_PREFIX = "Tradepost: ";

export type TWebhookRuleSpec = {
  model: string;
  /** Sent in the body. write_date lets the receiver deduplicate; the values are only hints (the job re-reads). */
  fields: string[];
  /** Odoo's "Apply on": a domain (Python literal) the record must match after the change for the rule to fire. */
  filterDomain?: string;
};

// credit_limit is left out of the partner's payload: Odoo refuses webhook actions that send a
// field restricted to a group. The rules have no trigger fields, so a credit limit change
// still fires them (any write does).
export const WEBHOOK_RULES: TWebhookRuleSpec[] = [
  {
    model: "res.partner",
    fields: ["name", "ref", "type", "parent_id", "commercial_partner_id", "is_company", "active", "write_date"],
  },
  { model: "stock.quant", fields: ["product_id", "location_id", "quantity", "reserved_quantity", "write_date"] },
  // Only a delivered picking means something here (a shipment, J5): one that is created, waiting
  // or reserved would be a delivery whose re-read ends SKIPPED, one per order placed.
  {
    model: "stock.picking",
    fields: ["name", "origin", "state", "partner_id", "write_date"],
    filterDomain: "[('state', '=', 'done')]",
  },
  // Quotations are never Tradepost's to act on: its own orders are confirmed by their push, a
  // sales rep's are imported once confirmed, and a cancellation is state "cancel". Without the
  // filter every order would post once more on create, a delivery that re-reads Odoo for nothing.
  {
    model: "sale.order",
    fields: ["name", "client_order_ref", "partner_id", "state", "write_date"],
    filterDomain: "[('state', 'not in', ('draft', 'sent'))]",
  },
  { model: "product.product", fields: ["default_code", "name", "active", "sale_ok", "write_date"] },
  { model: "product.template", fields: ["default_code", "name", "active", "sale_ok", "write_date"] },
  { model: "account.move", fields: ["name", "move_type", "state", "payment_state", "write_date"] },
];

export const webhookRuleName = (model: string) => `${WEBHOOK_RULE_PREFIX}${model} webhook`;

/** The receiver's URL for a token: APP_URL with or without a trailing slash. */
export function webhookUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/webhooks/odoo/${encodeURIComponent(token)}`;
}

export type TWantedRule = {
  trigger: string;
  triggerFieldIds: number[];
  /** Null: the rule applies to every record. */
  filterDomain: string | null;
  url: string;
  fieldIds: number[];
};
export type TExistingRule = {
  active: boolean;
  trigger: string | null;
  triggerFieldIds: number[];
  filterDomain: string | null;
  actions: { state: string | null; url: string | null; fieldIds: number[] }[];
};

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Whether an existing rule already does what is wanted (field lists compared as sets: Odoo returns its own order). */
export function ruleIsCurrent(existing: TExistingRule, wanted: TWantedRule): boolean {
  const webhook = existing.actions.find((action) => action.state === "webhook");

  return (
    existing.active &&
    existing.trigger === wanted.trigger &&
    sameSet(existing.triggerFieldIds, wanted.triggerFieldIds) &&
    (existing.filterDomain || null) === wanted.filterDomain &&
    !!webhook &&
    webhook.url === wanted.url &&
    sameSet(webhook.fieldIds, wanted.fieldIds)
  );
}
