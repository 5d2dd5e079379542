import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";
import { createUser } from "../prisma/seed/factories";

// The product page's availability comes from the ERP cache, which the worker's reconciliation
// fills from Odoo (the emulator holds the demo stock: ACC-SCREEN-1200 12, ACC-SCREEN-1600 4,
// CBL-PATCH-10 none). The first pass runs within a minute of the stack's start, hence the wait.
test.setTimeout(180_000);

test("[ERP] the product page shows the chosen variant's stock from the cache", async ({ page, db }) => {
  const borealis = await db.organisation.findUniqueOrThrow({ where: { name: "Borealis Fitouts" } });
  const buyer = await createUser(db, { role: "BUYER", organisationId: borealis.id });
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);

  await expect
    .poll(
      async () => {
        await page.goto("/products/acoustic-desk-screen");

        return page.getByTestId("stock-availability").textContent();
      },
      { timeout: 120_000, intervals: [2_000, 5_000] },
    )
    .toBe("In stock: 12");
  const variants = page.getByRole("radiogroup", { name: "Variant" });
  await variants.getByRole("radio", { name: "1600 mm" }).click();
  await expect(page.getByTestId("stock-availability")).toHaveText("In stock: 4");
  await screenshot(page, "storefront-stock-availability");

  await page.goto("/products/patch-cable-pack");
  await expect(page.getByTestId("stock-availability")).toHaveText("Out of stock");
  await page.goto("/products/made-to-measure-table");
  await expect(page.getByText("Made to order").first()).toBeVisible();
  await expect(page.getByTestId("stock-availability")).toHaveCount(0);
});
