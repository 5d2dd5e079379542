import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { importHandle } from "../lib/catalog/odoo-import";
import { odooCall } from "./support/odoo";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// J10: a product created, changed and archived by an Odoo user appears, changes and disappears
// in the storefront (through Odoo's webhook and the import), and the operator sees the import.
test.setTimeout(240_000);

const reloadUntil = async (page: Page, check: () => Promise<void>, timeoutMs: number) => {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: timeoutMs, intervals: [1_000, 2_000] });
};

test("[J10] a product created, changed and archived in Odoo appears, changes and leaves the store; the operator sees the import", async ({
  page,
  seedOrganisation,
  seedStaff,
}) => {
  const code = `J10-${randomUUID().slice(0, 8).toUpperCase()}`;
  const name = `Desk Lamp ${code}`;
  const { buyer } = await seedOrganisation();
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);

  const [productId] = await odooCall<number[]>("product.product", "create", {
    vals_list: [
      { name, default_code: code, list_price: 49.9, description_sale: "A lamp for the desk.", sale_ok: true },
    ],
  });
  // The product page is cached for 30 s per handle; a product that was never shown is read fresh.
  await page.goto(`/products/${importHandle(name, code)}`);
  await reloadUntil(page, async () => expect(page.getByRole("heading", { name })).toBeVisible(), 30_000);
  await expect(page.getByText("A lamp for the desk.")).toBeVisible();

  await odooCall("product.product", "write", {
    ids: [productId],
    vals: { name: `${name} Pro`, description_sale: "Now dimmable." },
  });
  await reloadUntil(page, async () => expect(page.getByText("Now dimmable.")).toBeVisible(), 90_000);
  await expect(page.getByRole("heading", { name: `${name} Pro` })).toBeVisible();

  await odooCall("product.product", "write", { ids: [productId], vals: { active: false } });
  await reloadUntil(page, async () => expect(page.getByText("Now dimmable.")).toHaveCount(0), 90_000);

  const operator = await seedStaff("OPERATOR");
  // The buyer signs out; an operator signs in.
  await page.context().clearCookies();
  await signIn(page, operator.email);
  await expectSignedIn(page, /\/portal/);
  await page.goto("/portal/operations/catalog-import");
  await expect(page.getByRole("heading", { name: "Catalogue import" })).toBeVisible();
  const runs = page.getByRole("table");
  await expect(runs).toContainText("webhook");
  await expect(runs.getByRole("row").filter({ hasText: "webhook" }).first()).toBeVisible();
  await screenshot(page, "catalog-import");
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByText(/Import queued|already queued or running/)).toBeVisible();
});
