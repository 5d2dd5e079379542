import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createUser } from "../prisma/seed/factories";
import { ACME_CARRIER, ACME_HAMBURG, acmeReadyForCheckout } from "./support/acme";
import { expect, screenshot, signIn, test } from "./support/fixtures";
import { odooCall } from "./support/odoo";

// J4: the order a buyer places in the storefront's checkout (the J3 flow, through the pages)
// reaches Odoo — the emulator — as exactly one confirmed sale order carrying the prices locked in
// the cart, pushed by the running worker; the buyer then sees Odoo's order name as the ERP
// reference on the order list and on the order.

const RUN = randomUUID().slice(0, 6).toUpperCase();
type TOdooLine = { product_id: [number, string]; product_uom_qty: number; price_unit: number; is_delivery: boolean };

async function addToCart(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("price-panel")).toHaveAttribute("aria-busy", "false");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
}

/** The lines of Odoo's order as [SKU or "delivery", quantity, unit price in minor units]. */
async function odooLines(saleOrderId: number): Promise<[string, number, number][]> {
  const lines = await odooCall<TOdooLine[]>("sale.order.line", "search_read", {
    domain: [["order_id", "=", saleOrderId]],
    fields: ["product_id", "product_uom_qty", "price_unit", "is_delivery"],
  });
  const products = await odooCall<{ id: number; default_code: string | false }[]>("product.product", "read", {
    ids: lines.map((line) => line.product_id[0]),
    fields: ["default_code"],
  });
  const skuOf = (id: number) => products.find((product) => product.id === id)?.default_code || `product ${id}`;

  return lines.map((line) => [
    line.is_delivery ? "delivery" : skuOf(line.product_id[0]),
    line.product_uom_qty,
    Math.round(line.price_unit * 100),
  ]);
}

test("[J4] the order placed at checkout reaches Odoo as one confirmed sale order with the locked prices, and the buyer sees its ERP reference", async ({
  page,
  db,
}) => {
  test.setTimeout(240_000);
  const acme = await acmeReadyForCheckout(db);
  // Stock of the feet comes from Odoo through reconciliation; without it checkout refuses the line.
  await expect
    .poll(
      async () =>
        Number(
          (await db.erpStock.aggregate({ where: { sku: "ACC-FEET-M8" }, _sum: { available: true } }))._sum.available ??
            0,
        ),
      { timeout: 90_000 },
    )
    .toBeGreaterThan(2);
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });
  await signIn(page, buyer.email);
  await expect(page).not.toHaveURL(/\/login/);
  await addToCart(page, "/products/made-to-measure-table");
  await addToCart(page, "/products/levelling-feet");
  await page.goto("/checkout");
  await page.getByLabel("Deliver to").selectOption({ label: ACME_HAMBURG });
  await page.getByLabel("Shipping method").selectOption({ label: `${ACME_CARRIER} — €45.00` });
  await page.getByLabel(/Purchase-order number/).fill(`PO-J4-${RUN}`);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/, { timeout: 30_000 });

  const order = await db.order.findFirstOrThrow({ where: { buyerId: buyer.id }, include: { lines: true } });
  expect(order.poNumber).toBe(`PO-J4-${RUN}`);
  // The worker pushes it: look-up by our reference, create with our prices, confirm.
  await expect
    .poll(async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).pushStatus, { timeout: 90_000 })
    .toBe("PUSHED");
  const pushed = await db.order.findUniqueOrThrow({ where: { id: order.id } });

  const inOdoo = await odooCall<{ id: number; name: string; state: string; amount_untaxed: number }[]>(
    "sale.order",
    "search_read",
    { domain: [["client_order_ref", "=", order.reference]], fields: ["name", "state", "amount_untaxed"] },
  );
  expect(inOdoo).toHaveLength(1);
  const [sale] = inOdoo;
  expect(sale).toMatchObject({ id: pushed.odooOrderId, name: pushed.odooOrderName, state: "sale" });
  expect(sale!.name).toMatch(/^S\d{5}$/);
  // Each line at the price locked in the cart (Odoo must not re-price), the carrier at our shipping price.
  const locked = order.lines.map((line): [string, number, number] => [line.sku, line.quantity, line.unitPriceMinor]);
  expect((await odooLines(sale!.id)).sort()).toEqual(
    [...locked, ["delivery", 1, order.shippingMinor] as [string, number, number]].sort(),
  );
  expect(locked.sort()).toEqual(
    [
      ["ACC-FEET-M8", 1, 2_160],
      ["TBL-ATELIER-OAK", 1, 85_500],
    ].sort(),
  );
  expect(Math.round(sale!.amount_untaxed * 100)).toBe(order.subtotalMinor + order.shippingMinor);

  // The buyer sees Odoo's name as the ERP reference, on the order and in the list.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("erp-reference")).toHaveText(`ERP reference ${sale!.name}`);
  await screenshot(page, "order-erp-reference");
  await page.goto("/orders");
  const row = page.getByTestId("order-row").filter({ hasText: order.reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(sale!.name);
});
