// Checkout against the real Medusa backend: one Medusa order per attempt however often it is
// submitted, the order recorded once with its push job, recovery after our transaction failed,
// refusals (stock, credit, blocked organisation, tampering) and other tenants' attempts. The
// "order placed" email is queued once per placed order and reaches the mail catcher. Prices,
// shipping by weight and spending limits: checkout-pricing.integration.test.ts.
import { describe, expect, it } from "vitest";
import { ok } from "../../test/support/actions";
import { medusaAdmin as admin } from "../../test/support/cart";
import {
  fillCart,
  form,
  GOTHENBURG,
  HAMBURG,
  jobsFor,
  orderPlacedMails,
  prepareCheckoutData,
} from "../../test/support/checkout";
import { testDb } from "../../test/support/db";
import { linkIn, waitForEmail } from "../../test/support/mail-inbox";
import { signInAs } from "../../test/support/next-request-scope";
import { submitCheckoutAction } from "@/server/actions/checkout";
import { recoverUnrecordedCheckouts } from "@/server/checkout/recover-unrecorded-checkouts";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { runJob } from "@/server/jobs/run-job";

const db = testDb();
let acme: string;
let borealis: string;
let buyerA: { id: string; email: string };
let buyerB: { id: string; email: string };
prepareCheckoutData((buyers) => ({ acme, borealis, buyerA, buyerB } = buyers));

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
