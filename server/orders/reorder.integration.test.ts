// Reorder against the real Medusa and the demo prices: an earlier order's configurations back in
// the buyer's cart at today's price, with what changed and what could not be added; another
// organisation's order is not found. Orders are written straight into the database, as checkout
// leaves them.
import { afterAll, describe, expect, it } from "vitest";
import { price, sessionOf, storeCart, TABLE, useDemoBuyers } from "../../test/support/cart";
import { signInAs } from "../../test/support/next-request-scope";
import { SCREEN_LINE, seedOrder, TABLE_LINE } from "../../test/support/orders";
import { testDb } from "../../test/support/db";
import type { createUser } from "../../prisma/seed/factories";
import { reorderAction } from "@/server/actions/orders";

const db = testDb();
afterAll(() => db.$disconnect());

type TUser = Awaited<ReturnType<typeof createUser>>;

describe("reorder", () => {
  let acme: string;
  let buyerA: TUser;
  let buyerB: TUser;
  useDemoBuyers(db, (buyers) => ({ acme, buyerA, buyerB } = buyers));

  it("puts the same configurations in the buyer's cart at today's price and says what changed and what could not be added", async () => {
    const order = await seedOrder(db, {
      organisationId: acme,
      buyerId: buyerA.id,
      lines: [
        { ...TABLE_LINE, unitPriceMinor: 100_000 },
        SCREEN_LINE,
        { ...TABLE_LINE, configuration: { ...TABLE_LINE.configuration, top: "glass" } },
        { sku: "GONE-0001", title: "Discontinued Lamp", quantity: 1, unitPriceMinor: 4_900 },
      ],
    });
    signInAs(buyerA);
    const tableNow = (await price({ ...TABLE, quantity: 2 })).json.unitPrice;
    const screenNow = (await price({ product: "acoustic-desk-screen", sku: "ACC-SCREEN-1600", quantity: 4 })).json
      .unitPrice;
    const result = await reorderAction({ orderId: order.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.reference).toBe(order.reference);
    expect(result.data.added.map((line) => [line.sku, line.quantity, line.thenUnitMinor, line.nowUnitMinor])).toEqual([
      ["TBL-ATELIER-WALNUT", 2, 100_000, tableNow],
      ["ACC-SCREEN-1600", 4, 9_000, screenNow],
    ]);
    expect(tableNow).toBe(121_050);
    expect(result.data.notAdded).toEqual([
      expect.objectContaining({ position: 3, reason: "A glass top cannot have a cable port." }),
      expect.objectContaining({ position: 4, sku: "GONE-0001", reason: "This product is no longer in the catalogue." }),
    ]);

    const cartId = (await db.buyerCart.findUniqueOrThrow({ where: { userId: buyerA.id } })).medusaCartId;
    const cart = await storeCart(cartId);
    expect(cart.items.map((item) => [item.quantity, Math.round(item.unit_price * 100)]).sort()).toEqual(
      [
        [2, tableNow],
        [4, screenNow],
      ].sort(),
    );
    expect(cart.customer_id).toBeTruthy();
  });

  it("refuses another organisation's order as not found and touches no cart", async () => {
    const order = await seedOrder(db, { organisationId: acme, buyerId: buyerA.id });
    await sessionOf(buyerB);
    expect(await reorderAction({ orderId: order.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.buyerCart.findUnique({ where: { userId: buyerB.id } })).toBeNull();
    signInAs(null);
    expect(await reorderAction({ orderId: order.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
