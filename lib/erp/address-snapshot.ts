/** The fields of a cached Odoo address a person reads as "the address". */
export type TAddressFields = {
  name: string | null;
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null;
};

/**
 * One line for an address ("Warehouse, Weg 2, 20457 Hamburg, DE"): what an address change request
 * records, and what tells later that Odoo's copy has changed.
 */
export function addressSnapshot(address: TAddressFields): string {
  return [address.name, address.street, address.street2, [address.zip, address.city].filter(Boolean).join(" ")]
    .concat(address.countryCode ?? [])
    .filter(Boolean)
    .join(", ")
    .slice(0, 600);
}
