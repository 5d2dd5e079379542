// The price-locked cart against the real Medusa backend and the demo price list and models:
// Medusa customers and groups, the price endpoint, adding lines, and tampering.
import { afterAll, describe, expect, it } from "vitest";
import { ok } from "../../test/support/actions";
import { medusaAdmin as admin, price, sessionOf, storeCart, TABLE, useDemoBuyers } from "../../test/support/cart";
import { signInAs } from "../../test/support/next-request-scope";
import { createOrganisation, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { readLineMetadata } from "@/lib/cart/line-metadata";
import { verifyQuoteToken } from "@/lib/pricing/quote";
import { addToCartAction, removeCartLineAction, updateCartLineAction } from "@/server/actions/cart";
import { getEnv } from "@/server/env";
import { getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { ensureMedusaCustomer } from "@/server/storefront/ensure-medusa-customer";

const db = testDb();
afterAll(() => db.$disconnect());

const cartIdOf = async (userId: string) => (await db.buyerCart.findUniqueOrThrow({ where: { userId } })).medusaCartId;

let acme: string;
let buyerA: Awaited<ReturnType<typeof createUser>>;
let buyerB: Awaited<ReturnType<typeof createUser>>;

useDemoBuyers(db, (buyers) => ({ acme, buyerA, buyerB } = buyers));

describe("Medusa customers for buyers", () => {
  it("creates exactly one customer, linked once, when many first requests arrive together", async () => {
    const user = await sessionOf(buyerA);
    const ids = await Promise.all(Array.from({ length: 6 }, () => ensureMedusaCustomer(user)));
    expect(new Set(ids).size).toBe(1);
    const { customers } = await admin.admin.customer.list({ email: buyerA.email });
    expect(customers.map((customer: { id: string }) => customer.id)).toEqual([ids[0]]);
    expect(customers[0]!.metadata).toMatchObject({ tradepost_user_id: buyerA.id, organisation_id: acme });
    expect(
      await db.externalLink.findMany({ where: { system: "MEDUSA", entityType: "user", localId: buyerA.id } }),
    ).toEqual([expect.objectContaining({ externalId: ids[0] })]);
    expect(await db.externalClaim.count()).toBe(0);
  });

  it("puts the buyers of an organisation in one customer group, created once when they arrive together", async () => {
    const organisation = await createOrganisation(db);
    const buyers = await Promise.all(
      Array.from({ length: 4 }, () => createUser(db, { role: "BUYER", organisationId: organisation.id })),
    );
    const sessions = [];
    for (const buyer of buyers) sessions.push(await sessionOf(buyer));
    const customerIds = await Promise.all(sessions.map((session) => ensureMedusaCustomer(session)));

    const { customer_groups: groups } = await admin.admin.customerGroup.list({
      name: organisation.name,
      fields: "id,metadata,*customers",
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.metadata).toEqual({ organisation_id: organisation.id });
    expect(groups[0]!.customers!.map((customer: { id: string }) => customer.id).sort()).toEqual(
      [...customerIds].sort(),
    );
    expect(
      await db.externalLink.findMany({
        where: { system: "MEDUSA", entityType: "organisation", localId: organisation.id },
      }),
    ).toEqual([expect.objectContaining({ externalId: groups[0]!.id })]);
    expect(await db.externalClaim.count()).toBe(0);

    // Tradepost's links lost (a restored database): the customer and the group are found again, nothing doubles.
    await db.externalLink.deleteMany({
      where: { system: "MEDUSA", localId: { in: [organisation.id, buyers[0]!.id] } },
    });
    expect(await ensureMedusaCustomer(sessions[0]!)).toBe(customerIds[0]);
    const { customer_groups: after } = await admin.admin.customerGroup.list({
      name: organisation.name,
      fields: "id,*customers",
    });
    expect(after.map((group: { id: string }) => group.id)).toEqual([groups[0]!.id]);
    expect(after[0]!.customers).toHaveLength(4);
  });
});

describe("the price endpoint", () => {
  it("prices a configuration for the caller's organisation, with a signed quote", async () => {
    signInAs(buyerA);
    const forA = await price({ ...TABLE, quantity: 2 });
    expect(forA.status).toBe(200);
    expect(forA.json).toMatchObject({
      sku: "TBL-ATELIER-WALNUT",
      currency: "EUR",
      unitPrice: 121_050,
      lineTotal: 242_100,
    });
    // The volume tiers (3 % from 10, 6 % from 50) as ranges of this organisation's unit price.
    expect(forA.json.quantityBreaks).toEqual([
      { from: 1, to: 9, unitPrice: 121_050 },
      { from: 10, to: 49, unitPrice: Math.round(121_050 * 0.97) },
      { from: 50, to: null, unitPrice: Math.round(121_050 * 0.94) },
    ]);
    signInAs(buyerB);
    const forB = await price({ ...TABLE, quantity: 2 });
    expect(forB.json.unitPrice).toBe(134_500);
  });

  it("refuses invalid configurations with the constraint's reason, prices from the client, and anonymous callers", async () => {
    signInAs(buyerA);
    expect(
      await price({ ...TABLE, configuration: { ...TABLE.configuration, top: "glass" }, quantity: 1 }),
    ).toMatchObject({ status: 422, json: { error: { message: "A glass top cannot have a cable port." } } });
    expect((await price({ ...TABLE, quantity: 1, unitPrice: 1 })).status).toBe(422);
    // A standard product in several variants needs one of its own SKUs.
    expect(await price({ product: "acoustic-desk-screen", quantity: 1 })).toMatchObject({
      status: 422,
      json: { error: { message: "Choose a variant of Acoustic Desk Screen." } },
    });
    expect(await price({ product: "acoustic-desk-screen", sku: "TBL-ATELIER-OAK", quantity: 1 })).toMatchObject({
      status: 422,
      json: { error: { message: "Acoustic Desk Screen has no variant TBL-ATELIER-OAK." } },
    });
    expect(await price({ product: "acoustic-desk-screen", sku: "ACC-SCREEN-1600", quantity: 1 })).toMatchObject({
      status: 200,
      json: { sku: "ACC-SCREEN-1600", unitPrice: 9_810 },
    });
    signInAs(null);
    expect((await price({ ...TABLE, quantity: 1 })).status).toBe(401);
  });
});

describe("adding to the cart", () => {
  it("puts configured and standard lines in the buyer's Medusa cart at the engine's price, with the quote and versions", async () => {
    signInAs(buyerA);
    const quoted = await price({ ...TABLE, quantity: 2 });
    ok(await addToCartAction({ ...TABLE, quantity: 2, quoteToken: quoted.json.quoteToken }));
    ok(
      await addToCartAction({
        ...TABLE,
        configuration: { ...TABLE.configuration, top: "oak", cable_port: false },
        quantity: 1,
      }),
    );
    ok(await addToCartAction({ product: "levelling-feet", quantity: 4 }));

    const cart = await storeCart(await cartIdOf(buyerA.id));
    expect(cart.metadata).toEqual({ organisation_id: acme });
    const customerLink = await db.externalLink.findFirstOrThrow({
      where: { system: "MEDUSA", entityType: "user", localId: buyerA.id },
    });
    expect(cart.customer_id).toBe(customerLink.externalId);
    expect(cart.items.map((item) => [item.quantity, item.unit_price, item.is_custom_price]).sort()).toEqual(
      [
        [1, 990, true],
        [2, 1210.5, true],
        [4, 21.6, true],
      ].sort(),
    );
    const walnut = cart.items.find((item) => item.unit_price === 1210.5)!;
    const meta = readLineMetadata(walnut.metadata)!;
    expect(meta).toMatchObject({
      sku: "TBL-ATELIER-WALNUT",
      configuration: TABLE.configuration,
      organisation_id: acme,
      rule_set_version_id: (await getLiveVersionRef("EUR"))!.id,
      summary: "Top Walnut · Width 1800 mm · Depth 800 mm · Legs Solid oak · Cable port",
    });
    expect(meta.model_version_id).toBe(
      (
        await db.configuratorModelVersion.findFirstOrThrow({
          where: { model: { productHandle: "made-to-measure-table" } },
        })
      ).id,
    );
    expect(verifyQuoteToken(meta.quote_token, getEnv().PRICING_QUOTE_SECRET, new Date())).toMatchObject({
      ok: true,
      payload: { unit: 121_050, qty: 2, org: acme },
    });
    // The price is stored once: the line's own unit_price (the quote signs it).
    expect(Object.keys((walnut.metadata as { tradepost: object }).tradepost)).not.toContain("unit_price_minor");
  });

  it("says plainly when adding would take a line past the quantity cap, and changes nothing", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ product: "levelling-feet", quantity: 99_998 }));
    const refused = await addToCartAction({ product: "levelling-feet", quantity: 5 });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "Your cart already has 99,998 of these; one line can hold at most 100,000.",
      fieldErrors: { quantity: ["At most 2 more."] },
    });
    const cart = await storeCart(await cartIdOf(buyerA.id));
    expect(cart.items.map((item) => item.quantity)).toEqual([99_998]);
  });

  it("raises the quantity of the same configuration instead of adding a second line, re-priced for it", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ ...TABLE, quantity: 6 }));
    ok(await addToCartAction({ ...TABLE, quantity: 4 }));
    const cart = await storeCart(await cartIdOf(buyerA.id));
    expect(cart.items.map((item) => [item.quantity, item.unit_price])).toEqual([[10, 1174.19]]);
  });

  it("re-prices a quantity change across a tier break", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ ...TABLE, quantity: 2 }));
    const cartId = await cartIdOf(buyerA.id);
    const [line] = (await storeCart(cartId)).items;
    expect(ok(await updateCartLineAction({ cartId, lineId: line!.id, quantity: 10 }))).toEqual({ unitPrice: 117_419 });
    expect((await storeCart(cartId)).items[0]).toMatchObject({ quantity: 10, unit_price: 1174.19 });
    ok(await removeCartLineAction({ cartId, lineId: line!.id }));
    expect((await storeCart(cartId)).items).toEqual([]);
  });
});

describe("tampering", () => {
  async function cartLines(userId: string) {
    const row = await db.buyerCart.findUnique({ where: { userId } });

    return row ? (await storeCart(row.medusaCartId)).items.map((item) => [item.quantity, item.unit_price]) : [];
  }

  it("refuses an altered quote", async () => {
    signInAs(buyerA);
    const { quoteToken } = (await price({ ...TABLE, quantity: 2 })).json;
    const [body, signature] = quoteToken.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as Record<string, unknown>;
    const cheaper = `${Buffer.from(JSON.stringify({ ...payload, unit: 100 })).toString("base64url")}.${signature}`;
    expect(await addToCartAction({ ...TABLE, quantity: 2, quoteToken: cheaper })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "The price quote was altered or not issued by us.",
    });
    expect(await cartLines(buyerA.id)).toEqual([]);
  });

  it("refuses a quote issued for another organisation or quantity", async () => {
    signInAs(buyerB);
    const { quoteToken } = (await price({ ...TABLE, quantity: 2 })).json;
    signInAs(buyerA);
    expect(await addToCartAction({ ...TABLE, quantity: 2, quoteToken })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: expect.stringMatching(/issued for another/),
    });
    expect(await cartLines(buyerA.id)).toEqual([]);
  });

  it("refuses a configuration the model forbids, and a price sent by the client", async () => {
    signInAs(buyerA);
    expect(
      await addToCartAction({
        ...TABLE,
        configuration: { ...TABLE.configuration, top: "glass", width_mm: 2000 },
        quantity: 1,
      }),
    ).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { _form: ["Glass tops are made up to 1800 mm wide.", "A glass top cannot have a cable port."] },
    });
    expect(await addToCartAction({ ...TABLE, quantity: 1, unit_price: 1 })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(
      await addToCartAction({ ...TABLE, configuration: { ...TABLE.configuration, width_mm: 1805 }, quantity: 1 }),
    ).toMatchObject({ ok: false, fieldErrors: { width_mm: ["Use steps of 10 mm (e.g. 1810)."] } });
    expect(await cartLines(buyerA.id)).toEqual([]);
  });

  it("does not let a buyer touch another buyer's cart", async () => {
    signInAs(buyerB);
    ok(await addToCartAction({ ...TABLE, quantity: 1 }));
    const theirs = await cartIdOf(buyerB.id);
    const [line] = (await storeCart(theirs)).items;
    signInAs(buyerA);
    ok(await addToCartAction({ product: "levelling-feet", quantity: 1 }));
    expect(await updateCartLineAction({ cartId: theirs, lineId: line!.id, quantity: 50 })).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "That cart is not yours or no longer open.",
    });
    expect(await removeCartLineAction({ cartId: theirs, lineId: line!.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await cartLines(buyerB.id)).toEqual([[1, 1345]]);
  });

  it("keeps staff out of carts", async () => {
    signInAs(await createUser(db, { role: "DATA_MANAGER" }));
    expect(await addToCartAction({ ...TABLE, quantity: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
