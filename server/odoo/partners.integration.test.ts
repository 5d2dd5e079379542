// The partners gateway against the emulator: organisations as company partners found by our
// reference, their addresses as children, look-up-before-create, search and polling.
import { describe, expect, it } from "vitest";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import { AppError } from "@/lib/errors";
import { cursorAt } from "@/server/odoo/changed-since";
import {
  createChildAddress,
  createCompanyPartner,
  findCompanyPartners,
  findPartnersChangedSince,
  getCompanyPartnerByRef,
  getPartnersByIds,
  type TCompanyPartnerInput,
} from "@/server/odoo/partners";

const emulator = useOdooEmulator();

const ACME: TCompanyPartnerInput = {
  ref: "TP-ORG-1",
  name: "Acme Interiors GmbH",
  vat: "DE123456789",
  email: "buying@acme.example",
  address: { street: "Hauptstr. 1", zip: "10115", city: "Berlin", countryCode: "DE" },
};
const DOCK = {
  ref: "TP-ADDR-1",
  name: "Dock 4",
  address: { street: "Hafenweg 4", zip: "20457", city: "Hamburg", countryCode: "de" },
};

describe.each(ODOO_PROTOCOLS)("partners over %s", (protocol) => {
  it("creates a company once per reference, with its country, and finds it by reference", async () => {
    const client = emulator.client(protocol);
    const first = await createCompanyPartner(client, ACME);
    const again = await createCompanyPartner(client, { ...ACME, name: "Renamed" });

    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await client.searchCount("res.partner", [["ref", "=", "TP-ORG-1"]])).toBe(1);
    expect(await getCompanyPartnerByRef(client, "TP-ORG-1")).toMatchObject({
      id: first.id,
      name: "Acme Interiors GmbH",
      isCompany: true,
      vat: "DE123456789",
      email: "buying@acme.example",
      phone: null,
      parentId: null,
      commercialPartnerId: first.id,
      address: { street: "Hauptstr. 1", street2: null, zip: "10115", city: "Berlin", countryCode: "DE" },
      active: true,
    });
    expect(await getCompanyPartnerByRef(client, "TP-ORG-404")).toBeNull();
  });

  it("keeps finding an archived company, so it is not created twice", async () => {
    const client = emulator.client(protocol);
    const { id } = await createCompanyPartner(client, ACME);
    await client.write("res.partner", [id], { active: false });

    expect(await getCompanyPartnerByRef(client, "TP-ORG-1")).toMatchObject({ id, active: false });
    expect(await createCompanyPartner(client, ACME)).toEqual({ id, created: false });
  });

  it("adds delivery and invoice addresses once each and reads them with the company", async () => {
    const client = emulator.client(protocol);
    const { id } = await createCompanyPartner(client, ACME);
    await client.write("res.partner", [id], { credit_limit: 5000 });
    const dock = await createChildAddress(client, { parentId: id, ...DOCK });
    const billing = await createChildAddress(client, {
      parentId: id,
      type: "invoice",
      ref: "TP-ADDR-2",
      name: "Accounts",
      address: ACME.address,
    });

    expect(await createChildAddress(client, { parentId: id, ...DOCK })).toEqual({ id: dock.id, created: false });
    const closed = await createChildAddress(client, { parentId: id, ...DOCK, ref: "TP-ADDR-3", name: "Closed dock" });
    await client.write("res.partner", [closed.id], { active: false });
    const [company] = await getPartnersByIds(client, [id, 999_999]);
    expect(company).toMatchObject({ id, creditLimitMinor: 500_000 });
    expect(company!.childIds.toSorted((a, b) => a - b)).toEqual([dock.id, billing.id]);
    expect(company!.deliveryAddresses).toHaveLength(1);
    expect(company!.deliveryAddresses[0]).toMatchObject({
      id: dock.id,
      type: "delivery",
      ref: "TP-ADDR-1",
      parentId: id,
      commercialPartnerId: id,
      creditLimitMinor: 500_000,
      address: { street: "Hafenweg 4", city: "Hamburg", countryCode: "DE" },
    });
    expect(company!.invoiceAddresses.map((address) => address.id)).toEqual([billing.id]);
  });

  it("finds active companies by part of their name, reference or VAT number, never their addresses", async () => {
    const client = emulator.client(protocol);
    const { id } = await createCompanyPartner(client, ACME);
    await createChildAddress(client, { parentId: id, ...DOCK, name: "Acme Dock" });
    const other = await createCompanyPartner(client, {
      ...ACME,
      ref: "TP-ORG-2",
      name: "Borealis Fitouts",
      vat: "FR999",
    });
    await createCompanyPartner(client, { ...ACME, ref: "TP-ORG-3", name: "Acme Archive Ltd", vat: "GB1" }).then(
      ({ id: archived }) => client.write("res.partner", [archived], { active: false }),
    );

    expect((await findCompanyPartners(client, "acme")).map((partner) => partner.id)).toEqual([id]);
    expect((await findCompanyPartners(client, "ORG-2")).map((partner) => partner.id)).toEqual([other.id]);
    expect((await findCompanyPartners(client, "fr99")).map((partner) => partner.id)).toEqual([other.id]);
  });

  it("refuses a country Odoo does not know before creating anything", async () => {
    const client = emulator.client(protocol);
    const error = await createCompanyPartner(client, {
      ...ACME,
      address: { ...ACME.address, countryCode: "XX" },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", retryable: false });
    expect(await client.searchCount("res.partner", [["ref", "=", "TP-ORG-1"]])).toBe(0);
  });

  it("polls partners changed since a cursor, addresses included", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock("2031-01-01 10:00:00");
    const { id } = await createCompanyPartner(client, ACME);
    const dock = await createChildAddress(client, { parentId: id, ...DOCK });

    const page = await findPartnersChangedSince(client, cursorAt(new Date("2031-01-01T10:00:00Z")), { limit: 10 });

    expect(page.records.map((partner) => [partner.id, partner.address.countryCode])).toEqual([
      [id, "DE"],
      [dock.id, "DE"],
    ]);
    expect(page).toMatchObject({
      hasMore: false,
      cursor: { writeDate: "2031-01-01 10:00:00", seenIds: [id, dock.id] },
    });
  });

  it("turns Odoo failing into a retryable AppError", async () => {
    await emulator.odoo.admin("POST", "faults", { kind: "error", status: 503, model: "res.partner", count: 1 });

    await expect(getCompanyPartnerByRef(emulator.client(protocol), "TP-ORG-1")).rejects.toMatchObject({
      name: "AppError",
      code: "UPSTREAM_FAILED",
      retryable: true,
    });
  });
});
