import { describe, expect, it } from "vitest";
import { planCustomerCache, type TCachedAddress, type TCachedCustomer } from "./plan-customer-cache";

const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, second));
const ORG = "0193a000-0000-7000-8000-000000000001";

const customer = (second: number, overrides: Partial<TCachedCustomer> = {}): TCachedCustomer => ({
  odooPartnerId: 7,
  name: "Acme",
  ref: ORG,
  vat: null,
  active: true,
  salesWarning: null,
  currency: "EUR",
  creditLimitMinor: 100_000,
  amountDueMinor: 20_000,
  paymentTermId: null,
  paymentTermName: null,
  pricelistId: null,
  pricelistName: null,
  fiscalPositionId: null,
  fiscalPositionName: null,
  salespersonName: null,
  odooWriteDate: at(second),
  ...overrides,
});

const address = (id: number, second: number, overrides: Partial<TCachedAddress> = {}): TCachedAddress => ({
  odooPartnerId: id,
  organisationId: ORG,
  type: id === 7 ? "contact" : "delivery",
  name: null,
  street: "Weg 1",
  street2: null,
  zip: "1",
  city: "Berlin",
  stateName: null,
  countryCode: "DE",
  phone: null,
  odooWriteDate: at(second),
  ...overrides,
});

const fresh = (c: TCachedCustomer, addresses: (TCachedAddress & { active: boolean })[], creditKnown = true) => ({
  organisationId: ORG,
  customer: c,
  creditKnown,
  addresses,
});
const active = (row: TCachedAddress, isActive = true) => ({ ...row, active: isActive });

describe("planCustomerCache", () => {
  it("writes everything into an empty cache, then nothing for the same read", () => {
    const read = fresh(customer(1), [active(address(7, 1)), active(address(8, 1))]);
    const first = planCustomerCache({ customer: null, addresses: [] }, read);
    expect(first).toMatchObject({ stale: false, customer: read.customer, deleteAddressIds: [] });
    expect(first.upsertAddresses.map((row) => row.odooPartnerId)).toEqual([7, 8]);

    const cached = { customer: customer(1), addresses: [address(7, 1), address(8, 1)] };
    expect(planCustomerCache(cached, read)).toEqual({
      stale: false,
      customer: null,
      upsertAddresses: [],
      deleteAddressIds: [],
    });
  });

  it("ignores a read older than the cached customer altogether", () => {
    const cached = { customer: customer(5), addresses: [address(7, 5)] };
    const old = fresh(customer(3, { name: "Old" }), [active(address(7, 3, { city: "Old" })), active(address(9, 3))]);
    expect(planCustomerCache(cached, old)).toEqual({
      stale: true,
      customer: null,
      upsertAddresses: [],
      deleteAddressIds: [],
    });
  });

  it("keeps an address whose cached row is newer than the read, updates the others", () => {
    const cached = { customer: customer(1), addresses: [address(7, 1), address(8, 9, { city: "Kiel" })] };
    const read = fresh(customer(2), [active(address(7, 2, { city: "Bonn" })), active(address(8, 4, { city: "Old" }))]);
    const plan = planCustomerCache(cached, read);
    expect(plan.upsertAddresses.map((row) => [row.odooPartnerId, row.city])).toEqual([[7, "Bonn"]]);
  });

  it("updates on the same write_date when a value differs (Total Receivable changes without a write)", () => {
    const cached = { customer: customer(1), addresses: [address(7, 1)] };
    const plan = planCustomerCache(cached, fresh(customer(1, { amountDueMinor: 50_000 }), [active(address(7, 1))]));
    expect(plan.customer?.amountDueMinor).toBe(50_000);
  });

  it("removes archived addresses, and the organisation's addresses missing from the read", () => {
    const cached = {
      customer: customer(1),
      addresses: [address(7, 1), address(8, 1), address(9, 1), address(50, 1, { organisationId: "other" })],
    };
    const plan = planCustomerCache(cached, fresh(customer(1), [active(address(7, 1)), active(address(8, 2), false)]));
    expect(plan.deleteAddressIds.sort()).toEqual([8, 9]);
  });

  it("moves an address that belonged to another organisation", () => {
    const cached = { customer: customer(1), addresses: [address(7, 1), address(8, 1, { organisationId: "other" })] };
    const plan = planCustomerCache(cached, fresh(customer(1), [active(address(7, 1)), active(address(8, 1))]));
    expect(plan.upsertAddresses).toEqual([address(8, 1)]);
  });

  it("keeps the cached credit figures when the read could not include them", () => {
    const cached = { customer: customer(1), addresses: [address(7, 1)] };
    const read = fresh(
      customer(2, { creditLimitMinor: null, amountDueMinor: null, name: "New" }),
      [active(address(7, 1))],
      false,
    );
    expect(planCustomerCache(cached, read).customer).toMatchObject({
      name: "New",
      creditLimitMinor: 100_000,
      amountDueMinor: 20_000,
    });
  });
});
