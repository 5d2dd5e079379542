// Checkout against the real Medusa backend: one Medusa order per attempt however often it is
// submitted, the order recorded once with its push job, recovery after our transaction failed,
// refusals (stock, credit, blocked organisation, tampering), other tenants' attempts, a carrier
// priced by the catalogue's weights, and two parallel checkouts of one buyer against their limit.
// The "order placed" email is queued once per placed order (submit, recovery, approval) and
// reaches the mail catcher.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok } from "../../test/support/actions";
import { linkIn, waitForEmail } from "../../test/support/mail-inbox";
import { medusaAdmin as admin, TABLE, useDemoBuyers } from "../../test/support/cart";
import { signInAs } from "../../test/support/next-request-scope";
import { testDb } from "../../test/support/db";
import { addToCartAction } from "@/server/actions/cart";
import { submitCheckoutAction } from "@/server/actions/checkout";
import { placeApprovedOrder } from "@/server/checkout/place-approved-order";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { stopSender } from "@/server/jobs/enqueue";
import { runJob } from "@/server/jobs/run-job";
import { closeMailTransport } from "@/server/mail/transport";
import { recoverUnrecordedCheckouts } from "@/server/checkout/recover-unrecorded-checkouts";
import { closeBuyerSpendingLocks } from "@/server/checkout/buyer-spending-lock";
import { getAdminProductBySku, updateAdminVariant } from "@/server/medusa/admin-products";

const db = testDb();
afterAll(async () => {
  closeMailTransport();
  await stopSender();
  await closeBuyerSpendingLocks();
  await db.$disconnect();
});

let acme: string;
let borealis: string;
let buyerA: { id: string; email: string };
let buyerB: { id: string; email: string };
useDemoBuyers(db, (buyers) => ({ acme, borealis, buyerA, buyerB } = buyers));

const HAMBURG = 910_001;
const GOTHENBURG = 910_002;
const CARRIER = 920_001;
const BY_WEIGHT = 920_002;

// Weights as the catalogue import writes Odoo's into Medusa (grams on the variant), set before this
// process first reads the catalogue (it keeps it 30 s) and put back after.
const WEIGHTS_G: Record<string, number> = { "ACC-FEET-M8": 1_500, "TBL-ATELIER-WALNUT": 45_000 };
const weightsBefore = new Map<string, { productId: string; variantId: string; weight: number | null }>();
beforeAll(async () => {
  for (const [sku, grams] of Object.entries(WEIGHTS_G)) {
    const product = await getAdminProductBySku(sku);
    const variant = product?.variants.find((candidate) => candidate.sku === sku);
    if (!product || !variant) throw new Error(`${sku} is not in Medusa`);
    weightsBefore.set(sku, { productId: product.id, variantId: variant.id, weight: variant.weight });
    await updateAdminVariant(product.id, variant.id, { weight: grams });
  }
});
afterAll(async () => {
  for (const { productId, variantId, weight } of weightsBefore.values())
    await updateAdminVariant(productId, variantId, { weight });
});

beforeAll(async () => {
  const organisations = await db.organisation.findMany({
    where: { name: { in: ["Acme Interiors", "Borealis Fitouts"] } },
  });
  const now = new Date();
  for (const organisation of organisations) {
    const isAcme = organisation.name === "Acme Interiors";
    await db.erpCustomer.create({
      data: {
        organisationId: organisation.id,
        odooPartnerId: isAcme ? 900_001 : 900_002,
        name: isAcme ? "Acme Interiors GmbH" : "Borealis Fitouts AB",
        active: true,
        currency: "EUR",
        creditLimitMinor: 2_500_000,
        amountDueMinor: 0,
        paymentTermName: "30 Days",
        odooWriteDate: now,
        syncedAt: now,
      },
    });
    await db.erpAddress.create({
      data: {
        odooPartnerId: isAcme ? HAMBURG : GOTHENBURG,
        organisationId: organisation.id,
        type: "delivery",
        name: isAcme ? "Hamburg showroom" : "Gothenburg site",
        street: isAcme ? "Große Elbstraße 145" : "Lindholmspiren 7",
        zip: isAcme ? "22767" : "41756",
        city: isAcme ? "Hamburg" : "Göteborg",
        countryCode: isAcme ? "DE" : "NL",
        odooWriteDate: now,
        syncedAt: now,
      },
    });
  }
  await db.erpCarrier.create({
    data: {
      odooCarrierId: CARRIER,
      name: "Freight DE",
      deliveryType: "fixed",
      active: true,
      currency: "EUR",
      fixedPriceMinor: 4_500,
      countryCodes: ["DE", "NL"],
      odooWriteDate: now,
      syncedAt: now,
    },
  });
  // Odoo's "based on rules" carrier: up to 50 kg €30; above, €20 + €0.50 per kg.
  await db.erpCarrier.create({
    data: {
      odooCarrierId: BY_WEIGHT,
      name: "Freight by weight",
      deliveryType: "base_on_rule",
      active: true,
      currency: "EUR",
      countryCodes: ["DE"],
      priceRules: [
        {
          variable: "weight",
          operator: "<=",
          maxValue: 50,
          basePriceMinor: 3_000,
          pricePerUnitMinor: 0,
          variableFactor: "weight",
        },
        {
          variable: "weight",
          operator: ">",
          maxValue: 50,
          basePriceMinor: 2_000,
          pricePerUnitMinor: 50,
          variableFactor: "weight",
        },
      ],
      odooWriteDate: now,
      syncedAt: now,
    },
  });
  await db.erpStock.create({
    data: {
      sku: "ACC-FEET-M8",
      locationId: 8,
      locationName: "WH/Stock",
      odooProductId: 77,
      onHand: 140,
      reserved: 0,
      available: 140,
      odooWriteDate: now,
      syncedAt: now,
    },
  });
});

const jobsFor = (orderId: string) =>
  db.$queryRaw<{ id: string }[]>`SELECT id FROM pgboss.job WHERE name = ${pushOrderToOdooJob.name}
    AND data->'payload'->>'orderId' = ${orderId}`;

const orderPlacedMails = (orderReference: string) =>
  db.$queryRaw<{ id: string; data: { payload: { template: string; to: string; data: Record<string, unknown> } } }[]>`
    SELECT id, data FROM pgboss.job WHERE name = ${sendEmailJob.name}
    AND data->'payload'->>'template' = 'order-placed' AND data->'payload'->'data'->>'orderReference' = ${orderReference}`;

async function fillCart(user: { id: string }) {
  signInAs(user);
  ok(await addToCartAction({ ...TABLE, quantity: 2 }));
  ok(await addToCartAction({ product: "levelling-feet", quantity: 4 }));
}

const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status;

const form = (overrides: Record<string, unknown> = {}) => ({
  checkoutKey: randomUUID(),
  addressId: HAMBURG,
  carrierId: CARRIER,
  poNumber: "PO-4711",
  notes: "Ring at the gate",
  requestedDeliveryDate: "",
  ...overrides,
});

describe("submitting a checkout", () => {
  it("places one Medusa order and records one order with one push job, however many times it is submitted", async () => {
    await fillCart(buyerA);
    const input = form();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitCheckoutAction(input)));
    const placed = results.map((result) => ok(result));
    expect(new Set(placed.map((result) => (result.outcome === "placed" ? result.orderId : "x"))).size).toBe(1);

    const orders = await db.order.findMany({ where: { buyerId: buyerA.id }, include: { lines: true } });
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order).toMatchObject({
      status: "PLACED",
      pushStatus: "QUEUED",
      organisationId: acme,
      poNumber: "PO-4711",
      shippingMinor: 4_500,
      subtotalMinor: 242_100 + 4 * 2_160,
      currency: "EUR",
      carrierName: "Freight DE",
      odooAddressId: HAMBURG,
    });
    expect(order.reference).toMatch(/^TP-\d{6}$/);
    expect(order.totalMinor).toBe(order.subtotalMinor + order.shippingMinor + order.taxMinor);
    expect(order.lines.map((line) => [line.sku, line.quantity, line.unitPriceMinor]).sort()).toEqual(
      [
        ["ACC-FEET-M8", 4, 2_160],
        ["TBL-ATELIER-WALNUT", 2, 121_050],
      ].sort(),
    );
    expect(await jobsFor(order.id)).toHaveLength(1);
    expect(
      await db.externalLink.findMany({ where: { system: "MEDUSA", entityType: "order", localId: order.id } }),
    ).toEqual([expect.objectContaining({ externalId: order.medusaOrderId })]);

    // One "order placed" email for the ten submits, to the buyer, with the order's lines and total.
    const mails = await orderPlacedMails(order.reference);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data.payload).toMatchObject({
      to: buyerA.email,
      data: { orderReference: order.reference, totalMinor: order.totalMinor, currency: "EUR" },
    });
    expect((mails[0]!.data.payload.data.lines as { quantity: number }[]).map((line) => line.quantity).sort()).toEqual([
      2, 4,
    ]);
    expect((await runJob(sendEmailJob, { id: mails[0]!.id, data: mails[0]!.data })).status).toBe("completed");
    const mail = await waitForEmail(buyerA.email, new RegExp(`Order ${order.reference} placed`));
    expect(mail.text).toContain("Total");
    expect(new URL(linkIn(mail, "/orders/")).pathname).toBe(`/orders/${order.id}`);

    const { orders: medusaOrders } = await admin.admin.order.list({
      customer_id: (
        await db.externalLink.findFirstOrThrow({ where: { system: "MEDUSA", entityType: "user", localId: buyerA.id } })
      ).externalId,
      fields: "id,total,shipping_total,metadata,*items",
    } as never);
    expect(medusaOrders).toHaveLength(1);
    const medusa = medusaOrders[0] as unknown as {
      id: string;
      shipping_total: number;
      metadata: { tradepost: Record<string, unknown> };
      items: { unit_price: number; metadata: { tradepost: Record<string, unknown> } }[];
    };
    expect(medusa.id).toBe(order.medusaOrderId);
    expect(medusa.shipping_total).toBe(45);
    expect(medusa.metadata.tradepost).toMatchObject({
      order_id: order.id,
      reference: order.reference,
      organisation_id: acme,
      buyer_id: buyerA.id,
      po_number: "PO-4711",
    });
    expect(medusa.items.map((item) => item.unit_price).sort((a, b) => a - b)).toEqual([21.6, 1210.5]);
    expect(medusa.items.every((item) => typeof item.metadata.tradepost.quote_id === "string")).toBe(true);
  });

  it("records an order Medusa placed when our transaction failed, once, through recovery", async () => {
    await fillCart(buyerA);
    // Our transaction fails after Medusa completed the cart: inserts of this buyer's orders are refused.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_order() RETURNS trigger AS $$
      BEGIN IF NEW."buyerId" = '${buyerA.id}' THEN RAISE EXCEPTION 'database went away'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_order BEFORE INSERT ON "Order" FOR EACH ROW EXECUTE FUNCTION refuse_order()`,
    );
    const failed = await submitCheckoutAction(form()).finally(() =>
      db.$executeRawUnsafe(`DROP TRIGGER refuse_order ON "Order"`),
    );
    expect(failed.ok).toBe(false);
    expect(await db.order.count({ where: { buyerId: buyerA.id } })).toBe(0);

    const first = await recoverUnrecordedCheckouts({ sinceMinutes: 30 });
    const second = await recoverUnrecordedCheckouts({ sinceMinutes: 30 });
    expect(first.recorded).toBe(1);
    expect(second.recorded).toBe(0);
    const orders = await db.order.findMany({ where: { buyerId: buyerA.id } });
    expect(orders).toHaveLength(1);
    expect(await jobsFor(orders[0]!.id)).toHaveLength(1);
    // The buyer never heard of the order when our transaction failed: recovery tells them, once.
    expect(await orderPlacedMails(orders[0]!.reference)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ payload: expect.objectContaining({ to: buyerA.email }) }),
      }),
    ]);
  });

  it("refuses with the reason: out of stock, blocked organisation, credit limit", async () => {
    await fillCart(buyerA);
    await db.erpStock.update({
      where: { sku_locationId: { sku: "ACC-FEET-M8", locationId: 8 } },
      data: { available: 2 },
    });
    const stock = ok(await submitCheckoutAction(form()));
    expect(stock).toMatchObject({
      outcome: "refused",
      refusals: [expect.objectContaining({ reason: "Only 2 in stock (you ordered 4)." })],
    });
    await db.erpStock.update({
      where: { sku_locationId: { sku: "ACC-FEET-M8", locationId: 8 } },
      data: { available: 140 },
    });

    await db.erpCustomer.update({ where: { organisationId: acme }, data: { amountDueMinor: 2_400_000 } });
    const credit = ok(await submitCheckoutAction(form()));
    expect(credit.outcome === "refused" && credit.refusals[0]!.reason).toMatch(
      /over your organisation's available credit/,
    );
    await db.erpCustomer.update({ where: { organisationId: acme }, data: { amountDueMinor: 0, active: false } });
    const blocked = ok(await submitCheckoutAction(form()));
    expect(blocked.outcome === "refused" && blocked.refusals[0]!.reason).toMatch(/blocked in our ERP/);
    await db.erpCustomer.update({ where: { organisationId: acme }, data: { active: true } });
    expect(await db.order.count({ where: { buyerId: buyerA.id } })).toBe(0);
  });

  it("gives field errors: another organisation's address, a past date, a PO number too long", async () => {
    await fillCart(buyerA);
    const result = await submitCheckoutAction(
      form({ addressId: GOTHENBURG, requestedDeliveryDate: "2020-01-01", poNumber: "X".repeat(41) }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { poNumber: [expect.stringMatching(/at most 40/)] } });
    const second = ok(await submitCheckoutAction(form({ addressId: GOTHENBURG, requestedDeliveryDate: "2020-01-01" })));
    expect(second).toMatchObject({
      outcome: "refused",
      fieldErrors: {
        addressId: ["Choose one of your organisation's delivery addresses."],
        requestedDeliveryDate: ["The delivery date cannot be in the past."],
      },
    });
    expect(await db.order.count({ where: { buyerId: buyerA.id } })).toBe(0);
  });

  it("treats another buyer's checkout attempt as not found and changes nothing", async () => {
    await fillCart(buyerA);
    const input = form();
    expect(ok(await submitCheckoutAction(input)).outcome).toBe("placed");
    await fillCart(buyerB);
    signInAs(buyerB);
    const result = await submitCheckoutAction({ ...input, addressId: GOTHENBURG });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.order.count({ where: { organisationId: borealis } })).toBe(0);
  });
});

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

describe("spending limits under concurrency", () => {
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

  it("places one of two parallel checkouts that each fit the buyer's limit but not together; the other asks for approval", async () => {
    // Each order is ~€2,550 before tax: one fits a €4,000 limit, two do not.
    await db.user.update({
      where: { id: buyerA.id },
      data: { spendingLimitMinor: 400_000, spendingLimitPeriod: "MONTH" },
    });
    await fillCart(buyerA);
    const firstCart = (await db.buyerCart.findUniqueOrThrow({ where: { userId: buyerA.id } })).medusaCartId;
    // The first checkout is held inside its recording transaction (Medusa has completed its cart,
    // our order row is not committed) until the second has finished or is waiting for the first.
    const gate = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await gate.connect();
    await gate.query("SELECT pg_advisory_lock($1)", [GATE]);
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION hold_order() RETURNS trigger AS $$
      BEGIN IF NEW."medusaCartId" = '${firstCart}' THEN PERFORM pg_advisory_xact_lock(${GATE}); END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER hold_order BEFORE INSERT ON "Order" FOR EACH ROW EXECUTE FUNCTION hold_order()`,
    );
    let first: ReturnType<typeof submitCheckoutAction> | undefined;
    let second: ReturnType<typeof submitCheckoutAction> | undefined;
    try {
      first = submitCheckoutAction(form());
      await waitFor(async () => (await waitingAdvisoryLocks(true)) > 0, "the first checkout to reach its transaction");
      // The first cart is completed in Medusa: the buyer's next add-to-cart opens a new one.
      await fillCart(buyerA);
      let settled = false;
      second = submitCheckoutAction(form()).finally(() => (settled = true));
      await waitFor(
        async () => settled || (await waitingAdvisoryLocks(false)) > 0,
        "the second checkout to finish or wait",
      );
      await gate.query("SELECT pg_advisory_unlock($1)", [GATE]);
      const outcomes = [ok(await first).outcome, ok(await second).outcome];
      expect(outcomes).toEqual(["placed", "approval-requested"]);
    } finally {
      await gate.end();
      await Promise.allSettled([first, second]);
      await db.$executeRawUnsafe(`DROP TRIGGER hold_order ON "Order"`);
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

describe("a price change between adding to the cart and checking out", () => {
  async function publishCopy(change?: (rules: { kind: string; sku?: string; amount?: number }[]) => void) {
    const live = await db.pricingRuleSetVersion.findFirstOrThrow({
      where: { status: "PUBLISHED", ruleSet: { currency: "EUR" } },
      orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    });
    const last = await db.pricingRuleSetVersion.aggregate({
      where: { ruleSetId: live.ruleSetId },
      _max: { number: true },
    });
    const rules = structuredClone(live.rules) as { kind: string; sku?: string; amount?: number }[];
    change?.(rules);
    const now = new Date();
    return db.pricingRuleSetVersion.create({
      data: {
        ruleSetId: live.ruleSetId,
        number: (last._max.number ?? 0) + 1,
        status: "PUBLISHED",
        rules,
        policy: live.policy as object,
        publishedAt: now,
        effectiveFrom: now,
      },
    });
  }

  it("shows the line's old and new price with why, and places nothing until exactly those prices are accepted", async () => {
    await fillCart(buyerA);
    const original = await db.pricingRuleSetVersion.findFirstOrThrow({
      where: { status: "PUBLISHED", ruleSet: { currency: "EUR" } },
      orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    });
    await publishCopy((rules) => {
      rules.find((rule) => rule.kind === "base_price" && rule.sku === "ACC-FEET-M8")!.amount = 2_500;
    });
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
      await publishCopy((rules) => rules.splice(0, rules.length, ...(original.rules as never[])));
    }
  });
});
