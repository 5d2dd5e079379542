// Which cache rows a customer sync writes, decided without I/O. The rule that keeps the cache
// convergent whatever order the reads arrive in: a row is never replaced by data whose Odoo
// write_date is older than the one it reflects; equal or newer data replaces it only when
// something differs, so a second sync of the same data writes nothing.

export type TCachedCustomer = {
  odooPartnerId: number;
  name: string;
  ref: string | null;
  vat: string | null;
  active: boolean;
  salesWarning: string | null;
  currency: string;
  creditLimitMinor: number | null;
  amountDueMinor: number | null;
  paymentTermId: number | null;
  paymentTermName: string | null;
  pricelistId: number | null;
  pricelistName: string | null;
  fiscalPositionId: number | null;
  fiscalPositionName: string | null;
  salespersonName: string | null;
  odooWriteDate: Date;
};

export type TCachedAddress = {
  odooPartnerId: number;
  organisationId: string;
  type: string;
  name: string | null;
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  stateName: string | null;
  countryCode: string | null;
  phone: string | null;
  odooWriteDate: Date;
};

export type TFreshCustomer = {
  organisationId: string;
  /** The customer as Odoo has it now; credit figures null and `creditKnown` false when Odoo refused them. */
  customer: TCachedCustomer;
  creditKnown: boolean;
  /** The company's own address and its delivery/invoice children; archived children with active = false. */
  addresses: (TCachedAddress & { active: boolean })[];
};

export type TCustomerCachePlan = {
  /** The read is older than the cache: nothing is written. */
  stale: boolean;
  customer: TCachedCustomer | null;
  upsertAddresses: TCachedAddress[];
  deleteAddressIds: number[];
};

const isOlder = (fresh: { odooWriteDate: Date }, cached: { odooWriteDate: Date } | undefined | null) =>
  !!cached && fresh.odooWriteDate.getTime() < cached.odooWriteDate.getTime();

function sameValues<T extends Record<string, unknown>>(a: T, b: T): boolean {
  return Object.keys(a).every((key) => {
    const [x, y] = [a[key], b[key]];

    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

function pick<T extends Record<string, unknown>>(row: T, like: T): T {
  return Object.fromEntries(Object.keys(like).map((key) => [key, row[key]])) as T;
}

/**
 * The writes that bring the cache of one organisation in line with a fresh read of its Odoo
 * customer. `cached.addresses` holds the organisation's rows and any row with an id in the read
 * (an address moved from another customer). Cached rows of the organisation missing from the
 * read (archived, deleted, moved or no longer delivery/invoice) are removed.
 */
export function planCustomerCache(
  cached: { customer: TCachedCustomer | null; addresses: TCachedAddress[] },
  fresh: TFreshCustomer,
): TCustomerCachePlan {
  if (isOlder(fresh.customer, cached.customer))
    return { stale: true, customer: null, upsertAddresses: [], deleteAddressIds: [] };
  const customer: TCachedCustomer =
    fresh.creditKnown || !cached.customer
      ? fresh.customer
      : {
          ...fresh.customer,
          creditLimitMinor: cached.customer.creditLimitMinor,
          amountDueMinor: cached.customer.amountDueMinor,
        };
  const byId = new Map(cached.addresses.map((row) => [row.odooPartnerId, row]));
  const upsertAddresses: TCachedAddress[] = [];
  const deleteAddressIds: number[] = [];
  for (const { active, ...address } of fresh.addresses) {
    const row = byId.get(address.odooPartnerId);
    if (isOlder(address, row)) continue;
    if (!active) {
      if (row) deleteAddressIds.push(address.odooPartnerId);
    } else if (!row || !sameValues(address, pick(row, address))) {
      upsertAddresses.push(address);
    }
  }
  const inRead = new Set(fresh.addresses.map((address) => address.odooPartnerId));
  for (const row of cached.addresses)
    if (!inRead.has(row.odooPartnerId) && row.organisationId === fresh.organisationId)
      deleteAddressIds.push(row.odooPartnerId);

  return {
    stale: false,
    customer: cached.customer && sameValues(customer, pick(cached.customer, customer)) ? null : customer,
    upsertAddresses,
    deleteAddressIds,
  };
}
