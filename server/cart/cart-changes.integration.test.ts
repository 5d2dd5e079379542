// Changing what is in the price-locked cart, against the real Medusa backend and the demo
// price list and models: another configuration for a line, the cart page's re-check after
// a rule change, expired quotes, and quick order.
import { afterAll, describe, expect, it } from "vitest";
import { ok } from "../../test/support/actions";
import { price, sessionOf, storeCart, TABLE, useDemoBuyers } from "../../test/support/cart";
import { signInAs } from "../../test/support/next-request-scope";
import type { createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { readLineMetadata } from "@/lib/cart/line-metadata";
import { createQuoteToken, verifyQuoteToken } from "@/lib/pricing/quote";
import { updateMedusaCartLine } from "@/server/medusa/carts";
import {
  addToCartAction,
  confirmCartLinePriceAction,
  quickOrderAction,
  replaceCartLineAction,
} from "@/server/actions/cart";
import { getCartView } from "@/server/cart/get-cart-view";
import { recheckCart } from "@/server/cart/recheck-cart";
import { getEnv } from "@/server/env";
import { getLiveVersionRef } from "@/server/pricing/get-live-pricing";

const db = testDb();
afterAll(() => db.$disconnect());

const cartIdOf = async (userId: string) => (await db.buyerCart.findUniqueOrThrow({ where: { userId } })).medusaCartId;

let buyerA: Awaited<ReturnType<typeof createUser>>;
let buyerB: Awaited<ReturnType<typeof createUser>>;

useDemoBuyers(db, (buyers) => ({ buyerA, buyerB } = buyers));

describe("changing a cart line's configuration", () => {
  it("replaces the line with the new configuration and quantity, priced anew; the same configuration just sets the quantity", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ ...TABLE, quantity: 1 }));
    const cartId = await cartIdOf(buyerA.id);
    const [before] = (await storeCart(cartId)).items;
    const narrower = { ...TABLE.configuration, width_mm: 1400, cable_port: false };
    const { lineId } = ok(
      await replaceCartLineAction({
        cartId,
        lineId: before!.id,
        product: TABLE.product,
        configuration: narrower,
        quantity: 2,
      }),
    );
    signInAs(buyerA);
    const expected = await price({ product: TABLE.product, configuration: narrower, quantity: 2 });
    const [after, ...others] = (await storeCart(cartId)).items;
    expect(others).toEqual([]);
    expect(after).toMatchObject({
      id: lineId,
      quantity: 2,
      unit_price: expected.json.unitPrice / 100,
      metadata: { tradepost: expect.objectContaining({ configuration: narrower }) },
    });

    ok(await replaceCartLineAction({ cartId, lineId, product: TABLE.product, configuration: narrower, quantity: 3 }));
    expect((await storeCart(cartId)).items.map((item) => [item.id, item.quantity])).toEqual([[lineId, 3]]);
  });

  it("refuses another buyer's line, another product and a forbidden configuration, changing nothing", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ ...TABLE, quantity: 1 }));
    const cartId = await cartIdOf(buyerA.id);
    const [line] = (await storeCart(cartId)).items;
    const attempt = (configuration: Record<string, unknown>, product = TABLE.product) =>
      replaceCartLineAction({ cartId, lineId: line!.id, product, configuration, quantity: 1 });

    expect(await attempt(TABLE.configuration, "levelling-feet")).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "A line can only be changed to another configuration of the same product.",
    });
    expect(await attempt({ ...TABLE.configuration, top: "glass" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "A glass top cannot have a cable port.",
    });
    signInAs(buyerB);
    expect(await attempt({ ...TABLE.configuration, width_mm: 1400 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await storeCart(cartId)).items).toEqual([
      expect.objectContaining({
        id: line!.id,
        quantity: 1,
        metadata: { tradepost: expect.objectContaining({ configuration: TABLE.configuration }) },
      }),
    ]);
  });
});

describe("re-checking the cart", () => {
  it("shows a changed price without writing; recheckCart re-prices the line in Medusa; confirming re-prices on the server", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ product: "levelling-feet", quantity: 1 }));
    const user = await sessionOf(buyerA);
    const cartId = await cartIdOf(buyerA.id);
    expect((await getCartView(user))!.lines[0]).toMatchObject({ unitPrice: 2_160, notice: null });

    const live = await db.pricingRuleSetVersion.findFirstOrThrow({
      where: { id: (await getLiveVersionRef("EUR"))!.id },
    });
    const rules = (live.rules as { id: string; sku?: string; amount?: number }[]).map((rule) =>
      rule.sku === "ACC-FEET-M8" && rule.id.startsWith("BP") ? { ...rule, amount: 3_000 } : rule,
    );
    await db.pricingRuleSetVersion.create({
      data: {
        ruleSetId: live.ruleSetId,
        number: 100 + Math.floor(Math.random() * 1000),
        status: "PUBLISHED",
        rules,
        policy: live.policy as object,
        publishedAt: new Date(),
        effectiveFrom: new Date(),
      },
    });

    const view = (await getCartView(user))!;
    expect(view.lines[0]).toMatchObject({
      unitPrice: 2_700,
      lineTotal: 2_700,
      notice: { kind: "repriced", from: 2_160, to: 2_700 },
    });
    expect(view.subtotal).toBe(2_700);
    expect((await storeCart(cartId)).items[0]!.unit_price).toBe(21.6); // reading never writes

    expect(await recheckCart(user)).toMatchObject({
      cartId,
      blocked: false,
      lines: [{ lineId: view.lines[0]!.id, outcome: "repriced", from: 2_160, to: 2_700 }],
    });
    expect((await storeCart(cartId)).items[0]!.unit_price).toBe(27);
    expect((await recheckCart(user))!.lines[0]!.outcome).toBe("unchanged"); // idempotent
    expect((await getCartView(user))!.lines[0]!.notice).toEqual({ kind: "repriced", from: 2_160, to: 2_700 });

    // Confirming is priced on the server from the rules, not from what is stored on the line.
    const [item] = (await storeCart(cartId)).items;
    await updateMedusaCartLine(cartId, item!.id, {
      quantity: 1,
      unitPriceMinor: 100,
      currency: "EUR",
      metadata: item!.metadata as Record<string, unknown>,
    });
    expect(ok(await confirmCartLinePriceAction({ cartId, lineId: view.lines[0]!.id }))).toEqual({ unitPrice: 2_700 });
    expect((await storeCart(cartId)).items[0]!.unit_price).toBe(27);
    expect((await getCartView(user))!.lines[0]!.notice).toBeNull();
    await db.$executeRawUnsafe(`ALTER TABLE "PricingRuleSetVersion" DISABLE TRIGGER "PricingRuleSetVersion_immutable"`);
    await db.pricingRuleSetVersion.deleteMany({ where: { ruleSetId: live.ruleSetId, number: { gte: 100 } } });
    await db.$executeRawUnsafe(`ALTER TABLE "PricingRuleSetVersion" ENABLE TRIGGER "PricingRuleSetVersion_immutable"`);
  });
});

describe("expired quotes", () => {
  it("renews an expired quote when the cart is re-checked, and keeps the price", async () => {
    signInAs(buyerA);
    ok(await addToCartAction({ product: "levelling-feet", quantity: 1 }));
    const cartId = await cartIdOf(buyerA.id);
    const [item] = (await storeCart(cartId)).items;
    const meta = readLineMetadata(item!.metadata)!;
    const verified = verifyQuoteToken(meta.quote_token, getEnv().PRICING_QUOTE_SECRET, new Date());
    const { v: _v, ...payload } = verified.ok ? verified.payload : ({} as never);
    const expired = createQuoteToken(
      { ...payload, exp: Math.floor(Date.now() / 1000) - 60 },
      getEnv().PRICING_QUOTE_SECRET,
    );
    await updateMedusaCartLine(cartId, item!.id, {
      quantity: 1,
      unitPriceMinor: 2_160,
      currency: "EUR",
      metadata: { tradepost: { ...meta, quote_token: expired } },
    });

    const user = await sessionOf(buyerA);
    expect((await getCartView(user))!.lines[0]).toMatchObject({ unitPrice: 2_160, notice: null });
    expect((await recheckCart(user))!.lines).toEqual([{ lineId: item!.id, outcome: "renewed" }]);
    const renewed = readLineMetadata((await storeCart(cartId)).items[0]!.metadata)!;
    expect(verifyQuoteToken(renewed.quote_token, getEnv().PRICING_QUOTE_SECRET, new Date())).toMatchObject({
      ok: true,
    });
    expect((await storeCart(cartId)).items[0]!.unit_price).toBe(21.6);
    expect((await recheckCart(user))!.lines).toEqual([{ lineId: item!.id, outcome: "unchanged" }]);
  });
});

describe("quick order", () => {
  it("adds the valid rows and lists every other row with its reason", async () => {
    signInAs(buyerA);
    const result = ok(
      await quickOrderAction({
        text: "SKU;Quantity\nACC-FEET-M8;4\nNOPE-1;1\nTBL-ATELIER-OAK;1\nACC-TRAY-800;abc\ncbl-patch-10;2\n",
      }),
    );
    expect(result.added.map((row) => [row.row, row.sku, row.quantity, row.unitPrice])).toEqual([
      [2, "ACC-FEET-M8", 4, 2_160],
      [6, "CBL-PATCH-10", 2, 4_050],
    ]);
    expect(result.rejected).toEqual([
      { row: 3, sku: "NOPE-1", reason: "No product has this SKU." },
      {
        row: 4,
        sku: "TBL-ATELIER-OAK",
        reason: "Atelier Made-to-Measure Table is made to order: configure it on its page.",
      },
      { row: 5, sku: "ACC-TRAY-800", reason: "The quantity must be a whole number from 1 to 100,000." },
    ]);
    expect((await storeCart(await cartIdOf(buyerA.id))).items).toHaveLength(2);
  });
});
