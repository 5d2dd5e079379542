import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

test.beforeEach(async ({ page, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);
});

test("[CATALOG] search, category and collection filters narrow the products", async ({ page }) => {
  await page.getByRole("searchbox", { name: "Search products" }).fill("cable");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=cable/);
  await expect(page.getByRole("link", { name: /Custom Cable Assembly/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Atelier Made-to-Measure Table/ })).toHaveCount(0);

  await page.goto("/catalog");
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Tables" }).click();
  await expect(page.getByTestId("product-card")).toHaveCount(1);
  await expect(page.getByTestId("product-card")).toContainText("Atelier Made-to-Measure Table");

  // Collections combine with the category: made-to-order tables, then all made-to-order products.
  await page.getByRole("navigation", { name: "Collections" }).getByRole("link", { name: "Made to order" }).click();
  await expect(page).toHaveURL(/category=tables&collection=made-to-order/);
  await expect(page.getByTestId("product-card")).toHaveText([/Atelier Made-to-Measure Table/]);
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "All products" }).click();
  await expect(page.getByTestId("product-card")).toHaveText([/Atelier Made-to-Measure Table/, /Custom Cable Assembly/]);
  await page
    .getByRole("navigation", { name: "Collections" })
    .getByRole("link", { name: "Workspace essentials" })
    .click();
  await expect(page.getByTestId("product-card")).toHaveText([
    /Dual Monitor Arm/,
    /Levelling Feet/,
    /Under-desk Cable Tray/,
  ]);
  await screenshot(page, "catalog-collection");
});

test("[CATALOG] the product page shows the product from Medusa with its configurator", async ({ page }) => {
  await page.getByRole("link", { name: /Atelier Made-to-Measure Table/ }).click();
  await expect(page).toHaveURL(/\/products\/made-to-measure-table$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atelier Made-to-Measure Table");
  // Medusa's description, or the PIM's richer one when Strapi has content for the product.
  await expect(page.getByText(/table built to the millimetre/).first()).toBeVisible();
  await expect(page.getByText("Made to order")).toBeVisible();
  const top = page.getByRole("radiogroup", { name: "Top" });
  for (const label of ["Oak", "Walnut", "Tempered glass"])
    await expect(top.getByRole("radio", { name: label })).toBeVisible();
  await expect(page.getByTestId("breakdown-line").first()).toContainText("Base price TBL-ATELIER-OAK");
  await screenshot(page, "product-page");
});

test("[CATALOG] an unknown product is a clear 404", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});
