import type { Page } from "@playwright/test";
import { createUser } from "../prisma/seed/factories";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// J2: a buyer of organisation A (the demo's Acme Interiors, which has 10 % off everything)
// configures the made-to-measure table, sees the organisation's price, and fills a cart
// whose lines in Medusa carry exactly the engine's prices and metadata.

type TMedusaLine = {
  id: string;
  quantity: number;
  unit_price: number;
  is_custom_price: boolean;
  metadata: { tradepost?: Record<string, unknown> };
};

async function medusaCart(cartId: string): Promise<{ items: TMedusaLine[]; metadata: Record<string, unknown> }> {
  const response = await fetch(`${process.env.MEDUSA_URL}/admin/tradepost/carts/${cartId}`, {
    headers: { authorization: `Basic ${Buffer.from(`${process.env.MEDUSA_SECRET_API_KEY}:`).toString("base64")}` },
  });
  expect(response.status).toBe(200);

  return ((await response.json()) as { cart: { items: TMedusaLine[]; metadata: Record<string, unknown> } }).cart;
}

async function settledPrice(page: Page) {
  await expect(page.getByTestId("price-panel")).toHaveAttribute("aria-busy", "false");

  return page.getByTestId("unit-price");
}

async function addToCart(page: Page) {
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  await page.getByText("Added to your cart.").waitFor({ state: "detached" });
}

test("[J2] a buyer configures the table, sees the organisation's price, and fills a price-locked cart", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(180_000);
  const [acme, borealis] = await Promise.all(
    ["Acme Interiors", "Borealis Fitouts"].map((name) => db.organisation.findUniqueOrThrow({ where: { name } })),
  );
  const [buyerA, buyerB] = await Promise.all([
    createUser(db, { role: "BUYER", organisationId: acme!.id }),
    createUser(db, { role: "BUYER", organisationId: borealis!.id }),
  ]);

  await signIn(page, buyerA.email);
  await expectSignedIn(page, /\/catalog$/);
  // The catalogue already shows Acme's prices: standard products as they are, made-to-order ones as configured by default.
  await expect(
    page.getByTestId("product-card").filter({ hasText: "Levelling Feet" }).getByTestId("card-price"),
  ).toHaveText("Your price€21.60");
  await expect(
    page.getByTestId("product-card").filter({ hasText: "Made-to-Measure Table" }).getByTestId("card-price"),
  ).toHaveText("Default configuration€855.00");
  await page.goto("/products/made-to-measure-table");
  await expect(await settledPrice(page)).toHaveText("€855.00");

  // A wider walnut table: glass is ruled out for 2000 mm, with the reason on hover and focus.
  await page.getByLabel("Width").fill("2000");
  await page.getByRole("radiogroup", { name: "Top" }).getByRole("radio", { name: "Walnut" }).click();
  const glass = page.getByRole("radiogroup", { name: "Top" }).getByRole("radio", { name: "Tempered glass" });
  await expect(glass).toHaveAttribute("aria-disabled", "true");
  await glass.focus();
  await expect(page.getByRole("tooltip")).toHaveText("Glass tops are made up to 1800 mm wide.");
  await expect(await settledPrice(page)).toHaveText("€1,089.00");
  await expect(page.getByTestId("breakdown-line")).toHaveText([
    /Base price TBL-ATELIER-WALNUT.*€1,090\.00/,
    /Width above 1200 mm.*€120\.00/,
    /Acme framework agreement: 10 %.*−€121\.00/,
  ]);
  // Volume tiers as a table for this configuration, the buyer's quantity highlighted.
  await expect(page.getByTestId("quantity-break")).toHaveText([
    /^1–9\s*€1,089\.00$/,
    /^10–49\s*€1,056\.33\s*−3 %$/,
    /^50\+\s*€1,023\.66\s*−6 %$/,
  ]);
  await expect(page.getByTestId("quantity-break").first()).toHaveAttribute("aria-current", "true");
  await screenshot(page, "storefront-configurator");
  await addToCart(page);

  // A second configuration: glass at 1800 mm, 900 mm deep, two of them.
  await page.getByLabel("Width").fill("1800");
  await page.getByLabel("Depth").fill("900");
  await glass.click();
  await expect(glass).toHaveAttribute("aria-checked", "true");
  await page.getByLabel("Quantity").fill("2");
  await expect(await settledPrice(page)).toHaveText("€981.00");
  await expect(page.getByTestId("line-total")).toHaveText("€1,962.00");
  await addToCart(page);

  await page.goto("/products/levelling-feet");
  await page.getByLabel("Quantity").fill("3");
  await expect(await settledPrice(page)).toHaveText("€21.60");
  await addToCart(page);

  await page.goto("/cart");
  const lines = page.getByTestId("cart-line");
  await expect(lines).toHaveCount(3);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("€3,115.80");
  await expect(lines.filter({ hasText: "Walnut" }).getByTestId("configuration-summary")).toHaveText(
    "Top Walnut · Width 2000 mm · Depth 800 mm · Legs Powder-coated steel",
  );
  await screenshot(page, "storefront-cart");

  // The cart in Medusa holds exactly the engine's prices, with the quote and the pinned versions.
  const row = await db.buyerCart.findUniqueOrThrow({ where: { userId: buyerA.id } });
  const cart = await medusaCart(row.medusaCartId);
  expect(cart.metadata).toEqual({ organisation_id: acme!.id });
  expect(cart.items.map((item) => [item.quantity, item.unit_price, item.is_custom_price]).sort()).toEqual(
    [
      [1, 1089, true],
      [2, 981, true],
      [3, 21.6, true],
    ].sort(),
  );
  const live = await db.pricingRuleSetVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", ruleSet: { currency: "EUR" } },
    orderBy: { effectiveFrom: "desc" },
  });
  for (const item of cart.items) {
    expect(item.metadata.tradepost).toMatchObject({
      organisation_id: acme!.id,
      rule_set_version_id: live.id,
      quote_token: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });
  }
  expect(cart.items.every((item) => !("unit_price_minor" in (item.metadata.tradepost ?? {})))).toBe(true); // the price is stored once
  expect(cart.items.find((item) => item.unit_price === 981)!.metadata.tradepost).toMatchObject({
    sku: "TBL-ATELIER-GLASS",
    configuration: { top: "glass", width_mm: 1800, depth_mm: 900, legs: "steel", cable_port: false },
  });

  // Ten walnut tables cross the 10-unit tier: re-priced on the server.
  const walnut = lines.filter({ hasText: "Walnut" });
  await walnut.getByLabel("Quantity").fill("10");
  await walnut.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Quantity updated and re-priced.")).toBeVisible();
  await expect(lines.filter({ hasText: "Walnut" }).getByTestId("line-unit-price")).toHaveText("€1,056.33");
  expect((await medusaCart(row.medusaCartId)).items.find((item) => item.quantity === 10)!.unit_price).toBe(1056.33);

  // The cart survives signing out and in.
  await page.getByLabel("Account menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, buyerA.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(3);

  // Organisation B pays something else for the same table.
  const pageB = await (await browser.newContext()).newPage();
  await signIn(pageB, buyerB.email);
  await expectSignedIn(pageB, /\/catalog$/);
  await expect(
    pageB.getByTestId("product-card").filter({ hasText: "Levelling Feet" }).getByTestId("card-price"),
  ).toHaveText("Your price€20.40");
  await pageB.goto("/products/made-to-measure-table");
  await pageB.getByLabel("Width").fill("2000");
  await pageB.getByRole("radiogroup", { name: "Top" }).getByRole("radio", { name: "Walnut" }).click();
  await expect(await settledPrice(pageB)).toHaveText("€1,210.00");
  await expect(pageB.getByText(/Acme framework agreement/)).toHaveCount(0);
});

test("[J2] quick order adds known articles and explains the rest", async ({ page, db }) => {
  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.getByRole("link", { name: "Quick order" }).click();
  await page
    .getByLabel("SKU and quantity, one per line")
    .fill("ACC-FEET-M8, 4\nNOT-A-SKU, 1\nTBL-ATELIER-OAK, 1\nCBL-PATCH-10, 2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("quick-order-added")).toContainText(
    "4 × ACC-FEET-M8 Levelling Feet, set of 4 — €21.60 each",
  );
  await expect(page.getByTestId("quick-order-rejected")).toContainText("Row 2 NOT-A-SKU: No product has this SKU.");
  await expect(page.getByTestId("quick-order-rejected")).toContainText(
    "Row 3 TBL-ATELIER-OAK: Atelier Made-to-Measure Table is made to order: configure it on its page.",
  );
  await screenshot(page, "storefront-quick-order");
  await page.getByRole("link", { name: "Go to cart" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
});

test("[J2] a standard product sold in several variants: the buyer picks one and the cart holds exactly that variant", async ({
  page,
  db,
}) => {
  const borealis = await db.organisation.findUniqueOrThrow({ where: { name: "Borealis Fitouts" } });
  const buyer = await createUser(db, { role: "BUYER", organisationId: borealis.id });
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);
  // Borealis has 15 % off accessories: the card shows the cheapest variant's price.
  await expect(
    page.getByTestId("product-card").filter({ hasText: "Acoustic Desk Screen" }).getByTestId("card-price"),
  ).toHaveText("Your price from€75.65");

  await page.getByRole("link", { name: /Acoustic Desk Screen/ }).click();
  const variants = page.getByRole("radiogroup", { name: "Variant" });
  await expect(variants.getByRole("radio", { name: "1200 mm" })).toHaveAttribute("aria-checked", "true");
  await expect(await settledPrice(page)).toHaveText("€75.65");
  await variants.getByRole("radio", { name: "1600 mm" }).click();
  await expect(page.getByText("ACC-SCREEN-1600")).toBeVisible();
  await expect(await settledPrice(page)).toHaveText("€92.65");
  await expect(page.getByTestId("breakdown-line")).toHaveText([
    /Base price ACC-SCREEN-1600.*€109\.00/,
    /Borealis accessories: 15 %.*−€16\.35/,
  ]);
  await screenshot(page, "storefront-variant-product");
  await addToCart(page);

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-line")).toContainText("ACC-SCREEN-1600");
  const row = await db.buyerCart.findUniqueOrThrow({ where: { userId: buyer.id } });
  const [item] = (await medusaCart(row.medusaCartId)).items;
  expect(item).toMatchObject({
    quantity: 1,
    unit_price: 92.65,
    is_custom_price: true,
    metadata: { tradepost: { sku: "ACC-SCREEN-1600", organisation_id: borealis.id } },
  });
});

test("[J2] a buyer changes the configuration of a cart line from the cart", async ({ page, db }) => {
  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/products/made-to-measure-table");
  await expect(await settledPrice(page)).toHaveText("€855.00");
  await addToCart(page);

  await page.goto("/cart");
  await page.getByRole("link", { name: "Change configuration" }).click();
  await expect(page.getByText("You are changing a line of your cart.")).toBeVisible();
  await expect(page.getByLabel("Width")).toHaveValue("1600");
  await page.getByLabel("Width").fill("1400");
  await page.getByLabel("Quantity").fill("2");
  await expect(await settledPrice(page)).toHaveText("€828.00");
  await page.getByRole("button", { name: "Update cart line" }).click();

  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("configuration-summary")).toHaveText(
    "Top Oak · Width 1400 mm · Depth 800 mm · Legs Powder-coated steel",
  );
  await expect(page.getByTestId("line-unit-price")).toHaveText("€828.00");
  const row = await db.buyerCart.findUniqueOrThrow({ where: { userId: buyer.id } });
  expect(
    (await medusaCart(row.medusaCartId)).items.map((item) => [
      item.quantity,
      item.unit_price,
      item.metadata.tradepost?.configuration,
    ]),
  ).toEqual([[2, 828, expect.objectContaining({ width_mm: 1400 })]]);
});
