import { randomUUID } from "node:crypto";
import Medusa from "@medusajs/js-sdk";
import type { Page } from "@playwright/test";
import { expect, screenshot, signIn, test } from "./support/fixtures";
import { emulatorAction, odooCall } from "./support/odoo";

// After the order, through the running app and worker with Odoo's webhooks (J5, J6, a
// cancellation, an invoice). Odoo's side is acted out in the emulator as its users would (a
// sales rep's order, a warehouse validation with a tracking number, an accountant's invoice);
// the app learns of each only by webhook. Our own order is written as checkout leaves it (an
// Order row with its Medusa order) and pushed as the push job does (client_order_ref = our
// reference), so these journeys do not depend on the checkout pages.

const medusa = new Medusa({
  baseUrl: process.env.MEDUSA_URL!,
  apiKey: process.env.MEDUSA_SECRET_API_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});
const RUN = randomUUID().slice(0, 6).toUpperCase();

async function odooCompany(organisationId: string, name: string): Promise<number> {
  const [id] = await odooCall<number[]>("res.partner", "create", {
    vals_list: [{ name, is_company: true, ref: organisationId }],
  });

  return id!;
}

async function odooProduct(sku: string, name: string, price: number, stock: number): Promise<number> {
  const [id] = await odooCall<number[]>("product.product", "create", {
    // Not for sale on the storefront (sale_ok false): the catalogue import leaves it out of Medusa, so it
    // stays a product Medusa does not list (a custom line) and does not reach other specs' catalogue.
    vals_list: [{ name, default_code: sku, list_price: price, type: "consu", is_storable: true, sale_ok: false }],
  });
  if (stock) await emulatorAction("actions/stock", { productId: id, quantity: stock });

  return id!;
}

/** Reloads until the text is on the page: the app learns of Odoo's change by webhook, within seconds. */
async function reloadUntil(page: Page, text: string | RegExp, timeout = 30_000) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout });
}

test("[J6] a sales rep's order confirmed in Odoo appears in the organisation's orders, marked as the sales rep's, is never pushed back, and a cancellation in Odoo shows", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { organisation, admin } = await seedOrganisation();
  const partnerId = await odooCompany(organisation.id, `${organisation.name} GmbH`);
  const install = await odooProduct(`E2E-INSTALL-${RUN}`, `On-site installation ${RUN}`, 150, 5);
  const ordersBefore = (await odooCall<number[]>("sale.order", "search", { domain: [] })).length;
  const { id: saleOrderId, name } = (await emulatorAction("actions/sale-order", {
    partnerId,
    clientOrderRef: "PO-SR-881",
    lines: [
      { defaultCode: "ACC-SCREEN-1200", quantity: 3, priceUnit: 77 },
      { productId: install, quantity: 1, priceUnit: 120 },
    ],
  })) as { id: number; name: string };

  await signIn(page, admin.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/orders/organisation");
  await reloadUntil(page, name);
  const row = page.getByTestId("order-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page.getByText("Placed by your sales representative.")).toBeVisible();
  await expect(page.getByTestId("order-line")).toHaveCount(2);
  await expect(page.getByTestId("order-line").first()).toContainText("€77.00");
  await expect(page.getByText("PO-SR-881")).toBeVisible();
  await screenshot(page, "order-sales-rep");

  // The order row shows first; its Medusa order (draft → order) follows within the same job.
  await expect
    .poll(async () => (await db.order.findUnique({ where: { odooOrderId: saleOrderId } }))?.medusaOrderId ?? null, {
      timeout: 20_000,
    })
    .toBeTruthy();
  const order = await db.order.findUniqueOrThrow({ where: { odooOrderId: saleOrderId } });
  expect(order).toMatchObject({ source: "SALES_REP", pushStatus: "NOT_APPLICABLE", organisationId: organisation.id });
  // No echo: Odoo has the one new order, ours created nothing there.
  expect((await odooCall<number[]>("sale.order", "search", { domain: [] })).length).toBe(ordersBefore + 1);

  await emulatorAction("actions/cancel-order", { saleOrderId });
  await reloadUntil(page, "Cancelled by our team.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  const { order: medusaOrder } = (await medusa.admin.order.retrieve(order.medusaOrderId!, { fields: "id,status" })) as {
    order: { status: string };
  };
  expect(medusaOrder.status).toBe("canceled");
  await screenshot(page, "order-cancelled-in-odoo");
});

test("[J5] validating a delivery in Odoo shows the tracking number to the buyer; a partial delivery and its backorder show two shipments; the invoice shows with what is due", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { organisation, buyer, admin } = await seedOrganisation();
  const partnerId = await odooCompany(organisation.id, `${organisation.name} GmbH`);
  const sku = `E2E-PANEL-${RUN}`;
  const title = `Acoustic wall panel ${RUN}`;
  const productId = await odooProduct(sku, title, 60, 2);

  // Our order as checkout leaves it: an Order row and its Medusa order (a product Medusa does not list: a custom line).
  const [row] = await db.$queryRaw<{ reference: string }[]>`
    SELECT 'TP-' || lpad(nextval('order_reference_seq')::text, 6, '0') AS reference`;
  const reference = row!.reference;
  const { stores } = (await medusa.admin.store.list({ fields: "id,default_region_id" })) as {
    stores: { default_region_id: string }[];
  };
  const order = await db.order.create({
    data: {
      reference: reference,
      organisationId: organisation.id,
      buyerId: buyer.id,
      status: "PLACED",
      pushStatus: "QUEUED",
      currency: "EUR",
      subtotalMinor: 30_000,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: 30_000,
      shippingAddress: { name: organisation.name, street: "Industrieweg 12", city: "Utrecht", countryCode: "NL" },
      placedAt: new Date(),
      lines: {
        create: [
          {
            position: 1,
            sku,
            title,
            description: title,
            quantity: 5,
            unitPriceMinor: 6_000,
            lineTotalMinor: 30_000,
            breakdown: [],
          },
        ],
      },
    },
  });
  const { draft_order: draft } = (await medusa.admin.draftOrder.create({
    region_id: stores[0]!.default_region_id,
    email: buyer.email,
    items: [{ title, quantity: 5, unit_price: 60 }],
    metadata: { tradepost_order_id: order.id },
  })) as { draft_order: { id: string } };
  const { order: medusaOrder } = (await medusa.admin.draftOrder.convertToOrder(draft.id)) as { order: { id: string } };
  await db.order.update({ where: { id: order.id }, data: { medusaOrderId: medusaOrder.id } });

  // The push, as the push job does it; it stores Odoo's id after Odoo answered.
  const [saleOrderId] = await odooCall<number[]>("sale.order", "create", {
    vals_list: [
      {
        partner_id: partnerId,
        client_order_ref: reference,
        order_line: [[0, 0, { product_id: productId, product_uom_qty: 5, price_unit: 60, name: title }]],
      },
    ],
  });
  await odooCall("sale.order", "action_confirm", { ids: [saleOrderId] });
  const [read] = await odooCall<{ name: string }[]>("sale.order", "read", {
    ids: [saleOrderId],
    fields: ["name"],
  });
  await db.order.update({
    where: { id: order.id },
    data: { odooOrderId: saleOrderId, odooOrderName: read!.name, pushStatus: "PUSHED", pushedAt: new Date() },
  });

  await signIn(page, buyer.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText("Nothing has shipped yet.")).toBeVisible();

  // 2 of 5 in stock: the warehouse ships 2 with a tracking number and keeps a backorder of 3.
  await emulatorAction("actions/deliver", { saleOrderId, trackingRef: `JJD-${RUN}-1` });
  await reloadUntil(page, `Shipped — tracking JJD-${RUN}-1`);
  await expect(page.getByTestId("shipment")).toHaveCount(1);
  await expect(page.getByTestId("shipment").first()).toContainText(`2 × ${title}`);

  await emulatorAction("actions/stock", { productId, quantity: 10 });
  const pickings = await odooCall<number[]>("stock.picking", "search", {
    domain: [
      ["sale_id", "=", saleOrderId],
      ["state", "!=", "done"],
    ],
  });
  await emulatorAction("actions/deliver", { pickingId: pickings[0], trackingRef: `JJD-${RUN}-2` });
  await reloadUntil(page, `Shipped — tracking JJD-${RUN}-2`);
  await expect(page.getByTestId("shipment")).toHaveCount(2);
  await expect(page.getByTestId("shipment").nth(1)).toContainText(`3 × ${title}`);
  // Odoo's shipments show as soon as they are known; Medusa's fulfilments follow within the same job.
  const shippedInMedusa = async () => {
    const { order: current } = (await medusa.admin.order.retrieve(medusaOrder.id, {
      fields: "id,*fulfillments,fulfillments.labels.*",
    })) as { order: { fulfillments?: { shipped_at: string | null; labels?: { tracking_number: string }[] }[] } };

    return (current.fulfillments ?? [])
      .filter((f) => f.shipped_at)
      .flatMap((f) => (f.labels ?? []).map((label) => label.tracking_number))
      .sort();
  };
  await expect.poll(shippedInMedusa, { timeout: 20_000 }).toEqual([`JJD-${RUN}-1`, `JJD-${RUN}-2`]);
  await screenshot(page, "order-shipments");

  // The accountant invoices the order: the buyer sees it on the order, the org admin in Invoices with what is due.
  const invoice = (await emulatorAction("actions/invoice", { saleOrderId })) as { name: string; amountTotal: number };
  await reloadUntil(page, invoice.name);
  await expect(page.getByTestId("invoice-row")).toContainText("Open");
  const due = `€${invoice.amountTotal.toLocaleString("en-GB", { minimumFractionDigits: 2 })}`;
  await expect(page.getByTestId("invoice-row")).toContainText(due);

  await page.context().clearCookies();
  await signIn(page, admin.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/portal/organisation/invoices");
  await expect(page.getByTestId("invoice-row").filter({ hasText: invoice.name })).toContainText(reference);
  await expect(page.getByTestId("amount-due")).toContainText(due);
  await screenshot(page, "organisation-invoices");
});
