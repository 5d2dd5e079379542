// Invoices from Odoo against the emulator: a posted customer invoice of one of our
// organisations is cached once with its amounts and linked to our order; a payment lowers what
// is due (found by reconciliation); drafts and other customers' invoices are not cached; the
// organisation's amount due sums what is open.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useDemoBuyers } from "../../test/support/cart";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import {
  createOdooProducts,
  linkOrganisationToOdoo,
  placeAndPushOrder,
  SCREEN_SMALL,
} from "../../test/support/odoo-orders";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import { getOpenInvoicesTotal } from "@/server/orders/get-open-invoices-total";
import { createInvoiceReconciler } from "@/server/orders/invoice-reconciler";
import { syncOdooInvoice } from "@/server/orders/sync-odoo-invoice";

const db = testDb();
const emulator = useOdooEmulator();
let acme = "";
let borealis = "";
let buyerId = "";
useDemoBuyers(db, (buyers) => {
  acme = buyers.acme;
  borealis = buyers.borealis;
  buyerId = buyers.buyerA.id;
});
afterAll(() => db.$disconnect());

let partnerId = 0;
beforeEach(async () => {
  await db.order.deleteMany({});
  await db.invoice.deleteMany({});
  await db.externalLink.deleteMany({ where: { entityType: { in: ["order", "order_line", "delivery"] } } });
  await db.syncCursor.deleteMany({});
  const client = emulator.client("json2");
  partnerId = await linkOrganisationToOdoo(db, client, acme, "Acme Interiors GmbH");
  await createOdooProducts(client, emulator.odoo.admin, [
    { sku: SCREEN_SMALL, name: "Desk screen 1200", price: 89, stock: 20 },
  ]);
});

const invoice = async (saleOrderId: number, post = true) => {
  const { status, body } = await emulator.odoo.admin("POST", "actions/invoice", { saleOrderId, post });
  expect(status).toBe(200);

  return body as { id: number; name: string; amountTotal: number };
};

describe("invoices from Odoo", () => {
  it("a posted invoice is cached once, linked to the order; a payment lowers the amount due", async () => {
    const client = emulator.client("json2");
    const order = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [{ sku: SCREEN_SMALL, quantity: 10, unitPriceMinor: 8900 }],
    });
    const posted = await invoice(order.odooOrderId);
    expect(posted.name).toMatch(/^INV\/\d{4}\/00001$/);
    expect(await syncOdooInvoice(posted.id, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await syncOdooInvoice(posted.id, client)).toMatchObject({ outcome: "UNCHANGED" });
    const cached = await db.invoice.findUniqueOrThrow({ where: { odooMoveId: posted.id } });
    const totalMinor = Math.round(posted.amountTotal * 100);
    expect(cached).toMatchObject({
      organisationId: acme,
      orderId: order.id,
      number: posted.name,
      state: "posted",
      moveType: "out_invoice",
      amountTotalMinor: totalMinor,
      amountResidualMinor: totalMinor,
      paymentState: "not_paid",
      dueDate: expect.any(Date),
    });
    expect(totalMinor).toBeGreaterThanOrEqual(89_000);
    expect(await getOpenInvoicesTotal(acme)).toEqual([{ currency: cached.currency, amountDueMinor: totalMinor }]);
    expect(await getOpenInvoicesTotal(borealis)).toEqual([]);

    await emulator.odoo.admin("POST", "actions/pay", { moveId: posted.id, amount: 500 });
    expect(await runReconciliation(createInvoiceReconciler(client))).toMatchObject({ changed: 1, failed: 0 });
    expect(await db.invoice.findUniqueOrThrow({ where: { odooMoveId: posted.id } })).toMatchObject({
      amountResidualMinor: totalMinor - 50_000,
      paymentState: "partial",
    });
    expect(await getOpenInvoicesTotal(acme)).toEqual([
      { currency: cached.currency, amountDueMinor: totalMinor - 50_000 },
    ]);
    await emulator.odoo.admin("POST", "actions/pay", { moveId: posted.id });
    expect(await syncOdooInvoice(posted.id, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await getOpenInvoicesTotal(acme)).toEqual([]);
  });

  it("drafts and invoices of other customers are not cached", async () => {
    const client = emulator.client("json2");
    const order = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [{ sku: SCREEN_SMALL, quantity: 1, unitPriceMinor: 8900 }],
    });
    const draft = await invoice(order.odooOrderId, false);
    expect(await syncOdooInvoice(draft.id, client)).toMatchObject({ outcome: "SKIPPED" });
    const [stranger] = await client.create("res.partner", { name: "Walk-in customer", is_company: true });
    const { body } = await emulator.odoo.admin("POST", "actions/sale-order", {
      partnerId: stranger,
      lines: [{ defaultCode: SCREEN_SMALL, quantity: 1 }],
    });
    const theirs = await invoice((body as { id: number }).id);
    expect(await syncOdooInvoice(theirs.id, client)).toMatchObject({ outcome: "SKIPPED" });
    expect(await db.invoice.count()).toBe(0);
  });
});
