// "Our organisation reference", the `ref` a company partner carries in Odoo so that Tradepost
// can find its organisation: the organisation's id (a UUID) as it is, lower case. An Odoo user
// links a customer by pasting it into the partner's Reference field; the first sync then
// records the link in the external-ID table, and from then on the link decides, not the `ref`.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The `ref` to give the Odoo company partner of an organisation. */
export function organisationRef(organisationId: string): string {
  return organisationId.toLowerCase();
}

/** The organisation id a partner's `ref` names, or null when it is not one of ours. */
export function organisationIdFromRef(ref: string | null | undefined): string | null {
  const text = ref?.trim().toLowerCase() ?? "";

  return UUID.test(text) ? text : null;
}
