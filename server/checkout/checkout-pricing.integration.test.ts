// Checkout against the real Medusa backend, what it computes and decides: a carrier priced by the
// catalogue's weights, two parallel checkouts of one buyer against their spending limit (one placed,
// one sent for approval, its "order placed" email once approved), two of two buyers and an approved
// request beside a checkout against their organisation's credit limit (one placed, one refused),
// and a price change between adding to the cart and checking out (a diff to accept before anything
// is placed).
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ok } from "../../test/support/actions";
import { medusaAdmin as admin } from "../../test/support/cart";
import {
  BY_WEIGHT,
  fillCart,
  form,
  orderPlacedMails,
  prepareCheckoutData,
  statusOf,
} from "../../test/support/checkout";
import { testDb } from "../../test/support/db";
import { publishLivePriceListCopy, withBasePrice } from "../../test/support/price-list";
import { createUser } from "../../prisma/seed/factories";
import { submitCheckoutAction } from "@/server/actions/checkout";
import { openOrdersTotal } from "@/server/checkout/checkout-context";
import { placeApprovedOrder } from "@/server/checkout/place-approved-order";

const db = testDb();
let buyerA: { id: string; email: string };
let acme: string;
prepareCheckoutData((buyers) => ({ buyerA, acme } = buyers));

describe("shipping by weight", () => {
  it("prices a weight-based carrier with the catalogue's weights (2 × 45 kg + 4 × 1.5 kg = 96 kg)", async () => {
    await fillCart(buyerA);
    expect(ok(await submitCheckoutAction(form({ carrierId: BY_WEIGHT }))).outcome).toBe("placed");
    const order = await db.order.findFirstOrThrow({ where: { buyerId: buyerA.id } });
    // €20 + 96 kg × €0.50; with the weights unknown (0 kg) it would be the €30 of the first rule.
    expect(order).toMatchObject({ carrierName: "Freight by weight", shippingMinor: 6_800 });
    const { order: medusa } = (await admin.admin.order.retrieve(order.medusaOrderId!, {
      fields: "id,shipping_total",
    })) as unknown as { order: { shipping_total: number } };
    expect(medusa.shipping_total).toBe(68);
  });
});

const submit = async () => ok(await submitCheckoutAction(form()));
const refusalsOf = (result: Awaited<ReturnType<typeof submit>>) =>
  result.outcome === "refused" ? result.refusals.map((refusal) => refusal.reason) : result.outcome;
const cartOf = async (buyer: { id: string }) =>
  (await db.buyerCart.findUniqueOrThrow({ where: { userId: buyer.id } })).medusaCartId;

// Two placements that each fit a limit but not together: the first (`start`, placing the order of
// `cartId`) is held inside its recording transaction (Medusa has completed the cart, our order row
// is not committed) until a checkout started meanwhile (`fillSecond` fills its cart and signs in
// its buyer) has finished or is waiting for the first. The outcomes of [first, second].
async function racingAHeldOrder<T>(
  first: { cartId: string; start: () => Promise<T> },
  fillSecond: () => Promise<void>,
) {
  const GATE = 4711;
  const waitFor = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 45_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  // Advisory locks someone waits for: the test's gate, or another (the checkout's own).
  const waitingAdvisoryLocks = async (gate: boolean) =>
    (
      await db.$queryRaw<{ gate: boolean }[]>`SELECT (objid::text = ${String(GATE)} AND objsubid = 1) AS gate
        FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`
    ).filter((row) => row.gate === gate).length;

  const gate = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  await gate.query("SELECT pg_advisory_lock($1)", [GATE]);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION hold_order() RETURNS trigger AS $$
    BEGIN IF NEW."medusaCartId" = '${first.cartId}' THEN PERFORM pg_advisory_xact_lock(${GATE}); END IF; RETURN NEW; END
    $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER hold_order BEFORE INSERT OR UPDATE ON "Order" FOR EACH ROW EXECUTE FUNCTION hold_order()`,
  );
  let held: Promise<T> | undefined;
  let second: ReturnType<typeof submit> | undefined;
  try {
    held = first.start();
    await waitFor(async () => (await waitingAdvisoryLocks(true)) > 0, "the first order to reach its transaction");
    await fillSecond();
    let settled = false;
    second = submit().finally(() => (settled = true));
    await waitFor(
      async () => settled || (await waitingAdvisoryLocks(false)) > 0,
      "the second checkout to finish or wait",
    );
    await gate.query("SELECT pg_advisory_unlock($1)", [GATE]);
    return [await held, await second] as const;
  } finally {
    await gate.end();
    await Promise.allSettled([held, second]);
    await db.$executeRawUnsafe(`DROP TRIGGER hold_order ON "Order"`);
  }
}

describe("spending limits under concurrency", () => {
  it("places one of two parallel checkouts that each fit the buyer's limit but not together; the other asks for approval", async () => {
    // Each order is ~€2,550 before tax: one fits a €4,000 limit, two do not.
    await db.user.update({
      where: { id: buyerA.id },
      data: { spendingLimitMinor: 400_000, spendingLimitPeriod: "MONTH" },
    });
    // Without a credit limit only the buyer's own lock keeps the two apart.
    const { creditLimitMinor } = await db.erpCustomer.update({
      where: { organisationId: acme },
      data: { creditLimitMinor: null },
    });
    try {
      await fillCart(buyerA);
      // The first cart is completed in Medusa: the buyer's next add-to-cart opens a new one.
      const outcomes = await racingAHeldOrder({ cartId: await cartOf(buyerA), start: submit }, () => fillCart(buyerA));
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(["placed", "approval-requested"]);
    } finally {
      await db.erpCustomer.update({ where: { organisationId: acme }, data: { creditLimitMinor } });
    }
    const orders = await db.order.groupBy({ by: ["status"], where: { buyerId: buyerA.id }, _count: true });
    expect(Object.fromEntries(orders.map((row) => [row.status, row._count]))).toEqual({
      PLACED: 1,
      PENDING_APPROVAL: 1,
    });

    // The request is approved: placing it tells the buyer once (and not when it was only requested).
    const pending = await db.order.findFirstOrThrow({ where: { buyerId: buyerA.id, status: "PENDING_APPROVAL" } });
    expect(await orderPlacedMails(pending.reference)).toHaveLength(0);
    expect(await placeApprovedOrder(pending.id)).toMatchObject({ outcome: "placed", orderId: pending.id });
    expect(await placeApprovedOrder(pending.id)).toMatchObject({ outcome: "placed", orderId: pending.id });
    expect(await statusOf(pending.id)).toBe("PLACED");
    expect((await orderPlacedMails(pending.reference)).map((mail) => mail.data.payload.to)).toEqual([buyerA.email]);
  });
});

describe("the organisation's credit limit under concurrency", () => {
  const CREDIT_REFUSAL = expect.stringMatching(/over your organisation's available credit/);
  let colleague: { id: string };
  let before: { creditLimitMinor: number | null; amountDueMinor: number | null };
  // Each order is ~€2,550 before tax: €4,000 of credit left fits one, not two. The open orders of
  // the file's earlier tests count too.
  beforeEach(async () => {
    colleague = await createUser(db, { role: "BUYER", organisationId: acme });
    before = await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: acme } });
    await db.erpCustomer.update({
      where: { organisationId: acme },
      data: { creditLimitMinor: (await openOrdersTotal(acme)) + 400_000, amountDueMinor: 0 },
    });
  });
  afterEach(async () => {
    await db.erpCustomer.update({ where: { organisationId: acme }, data: before });
  });

  it("places one of two parallel checkouts by two buyers that each fit the organisation's credit but not together; refuses the other", async () => {
    await fillCart(buyerA);
    const [first, second] = await racingAHeldOrder({ cartId: await cartOf(buyerA), start: submit }, () =>
      fillCart(colleague),
    );
    expect(first.outcome).toBe("placed");
    expect(refusalsOf(second)).toEqual([CREDIT_REFUSAL]);
    expect(await db.order.count({ where: { buyerId: buyerA.id, status: "PLACED" } })).toBe(1);
    expect(await db.order.count({ where: { buyerId: colleague.id } })).toBe(0);
  });

  it("places an approved request and refuses a colleague's checkout that fitted only beside it", async () => {
    // Over a small spending limit: buyer A's order waits for approval (and counts against the credit
    // only once placed).
    await db.user.update({ where: { id: buyerA.id }, data: { spendingLimitMinor: 100, spendingLimitPeriod: "MONTH" } });
    await fillCart(buyerA);
    expect((await submit()).outcome).toBe("approval-requested");
    const request = await db.order.findFirstOrThrow({ where: { buyerId: buyerA.id, status: "PENDING_APPROVAL" } });
    const [approved, second] = await racingAHeldOrder(
      { cartId: request.medusaCartId!, start: () => placeApprovedOrder(request.id) },
      () => fillCart(colleague),
    );
    expect(approved).toMatchObject({ outcome: "placed", orderId: request.id });
    expect(refusalsOf(second)).toEqual([CREDIT_REFUSAL]);
    expect(await statusOf(request.id)).toBe("PLACED");
    expect(await db.order.count({ where: { buyerId: colleague.id } })).toBe(0);
  });
});

describe("a price change between adding to the cart and checking out", () => {
  it("shows the line's old and new price with why, and places nothing until exactly those prices are accepted", async () => {
    await fillCart(buyerA);
    const original = await publishLivePriceListCopy(db, withBasePrice("ACC-FEET-M8", 2_500));
    try {
      const input = form();
      const refused = ok(await submitCheckoutAction(input));
      expect(refused).toMatchObject({
        outcome: "refused",
        refusals: [],
        priceChanges: [{ fromMinor: 2_160, toMinor: 2_250, quantity: 4, reasons: ["PRICE_LIST"] }],
      });
      expect(await db.order.count({ where: { buyerId: buyerA.id } })).toBe(0);
      const fingerprint = refused.outcome === "refused" ? refused.priceFingerprint! : "";
      expect(ok(await submitCheckoutAction({ ...input, acceptedPrices: "not-these" })).outcome).toBe("refused");

      const placed = ok(await submitCheckoutAction({ ...input, acceptedPrices: fingerprint }));
      expect(placed.outcome).toBe("placed");
      const order = await db.order.findFirstOrThrow({ where: { buyerId: buyerA.id }, include: { lines: true } });
      expect(order.lines.find((line) => line.sku === "ACC-FEET-M8")).toMatchObject({ unitPriceMinor: 2_250 });
    } finally {
      await publishLivePriceListCopy(db, () => original);
    }
  });
});
