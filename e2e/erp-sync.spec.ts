import type { Page } from "@playwright/test";
import { emulatorAction, odooCall } from "./support/odoo";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// J8: ERP data changes in Odoo — a customer's delivery address, its credit limit, a product's
// stock — reach Tradepost's cache and the pages that show it: within seconds through Odoo's
// webhooks, and within one reconciliation period (a minute) when every webhook is lost.
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const reloadUntil = async (page: Page, check: () => Promise<void>, timeoutMs: number) => {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: timeoutMs, intervals: [1_000, 2_000] });
};

test.afterEach(async () => {
  await emulatorAction("faults/webhooks", { drop: false });
});

test("[J8] a customer's address and credit limit changed in Odoo reach the organisation page, by webhook and by reconciliation", async ({
  page,
  seedOrganisation,
}) => {
  const { organisation, admin } = await seedOrganisation();
  // An Odoo user links the customer: the company partner carries the organisation's id as its reference.
  const [companyId] = await odooCall<number[]>("res.partner", "create", {
    vals_list: [
      {
        name: `${organisation.name} GmbH`,
        is_company: true,
        ref: organisation.id,
        street: "Hauptstraße 1",
        zip: "10115",
        city: "Berlin",
        credit_limit: 5000,
      },
    ],
  });
  const [deliveryId] = await odooCall<number[]>("res.partner", "create", {
    vals_list: [
      { parent_id: companyId, type: "delivery", name: "Dock 1", street: "Hafenweg 1", zip: "20457", city: "Hamburg" },
    ],
  });

  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/portal/organisation");
  await reloadUntil(page, async () => expect(page.getByText("Hafenweg 1")).toBeVisible(), 20_000);
  await expect(page.getByTestId("credit-limit")).toHaveText("€5,000.00");

  const started = Date.now();
  await emulatorAction("actions/partner", { id: deliveryId, values: { street: "Kaiserkai 9" } });
  await reloadUntil(page, async () => expect(page.getByText("Kaiserkai 9")).toBeVisible(), 15_000);
  console.log(`address change visible ${Date.now() - started} ms after the edit in Odoo (webhook)`);

  // Every webhook lost from now on: only reconciliation can bring the change.
  await emulatorAction("faults/webhooks", { drop: true });
  const lost = Date.now();
  await emulatorAction("actions/partner", { id: companyId, values: { credit_limit: 7500 } });
  await reloadUntil(page, async () => expect(page.getByTestId("credit-limit")).toHaveText("€7,500.00"), 150_000);
  console.log(
    `credit limit change visible ${Date.now() - lost} ms after the edit in Odoo (webhook dropped, reconciliation)`,
  );
  await screenshot(page, "j8-organisation-synced");
});

test("[J8] stock counted in Odoo reaches the product page, by webhook and by reconciliation", async ({
  page,
  seedOrganisation,
}) => {
  const { buyer } = await seedOrganisation();
  const [productId] = await odooCall<number[]>("product.product", "search", {
    domain: [["default_code", "=", "ACC-TRAY-800"]],
    limit: 1,
  });
  expect(productId, "the demo's Odoo products are seeded by the test stack").toBeTruthy();

  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/products/cable-tray");
  const started = Date.now();
  await emulatorAction("actions/stock", { productId, quantity: 57 });
  await reloadUntil(page, async () => expect(page.getByText("In stock: 57")).toBeVisible(), 15_000);
  console.log(`stock count visible ${Date.now() - started} ms after the count in Odoo (webhook)`);

  await emulatorAction("faults/webhooks", { drop: true });
  const lost = Date.now();
  await emulatorAction("actions/stock", { productId, quantity: 21 });
  await reloadUntil(page, async () => expect(page.getByText("In stock: 21")).toBeVisible(), 150_000);
  console.log(`stock count visible ${Date.now() - lost} ms after the count in Odoo (webhook dropped, reconciliation)`);
  await screenshot(page, "j8-product-stock");
});
