import type { Locator, Page } from "@playwright/test";
import { createUser } from "../prisma/seed/factories";
import { ACME_CARRIER, ACME_HAMBURG, acmeReadyForCheckout } from "./support/acme";
import { expect, screenshot, test, TEST_PASSWORD } from "./support/fixtures";

// J3 with the keyboard alone: every form on the way (sign-in, search, configurator, cart, checkout)
// is reached with Tab and used with typing, Space, Enter and the arrow keys; nothing is clicked.

/** Presses Tab until `target` has the focus, and checks that the focus can be seen there. */
async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      const focusShown = await target.evaluate(
        (element) => element.matches(":focus-visible") && getComputedStyle(element).outlineStyle !== "none",
      );
      expect(focusShown, `a visible focus outline on ${target}`).toBe(true);

      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} was not reached with ${maxPresses} presses of Tab`);
}

/** Picks an option of a focused select with the arrow keys (down to the last option, then up). */
async function chooseWithArrows(page: Page, select: Locator, label: string): Promise<void> {
  const chosen = () => select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text ?? "");
  let key = "ArrowDown";
  for (let presses = 0; presses < 40; presses++) {
    const before = await chosen();
    if (before === label) return;
    await page.keyboard.press(key);
    if ((await chosen()) === before) key = "ArrowUp";
  }
  throw new Error(`"${label}" was not reached with the arrow keys in ${select}`);
}

test("[J3][A11Y] a buyer signs in, finds a table, configures it, adds it to the cart and places the order with the keyboard alone", async ({
  page,
  db,
}) => {
  test.setTimeout(240_000);
  const acme = await acmeReadyForCheckout(db);
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });

  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(buyer.email);
  await tabTo(page, page.getByLabel("Password"), 1);
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/catalog$/);

  await tabTo(page, page.getByRole("searchbox", { name: "Search products" }));
  await page.keyboard.type("table");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/catalog\?q=table$/);
  await tabTo(page, page.getByRole("link", { name: /Atelier Made-to-Measure Table/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\/made-to-measure-table$/);

  // Walnut top (Space), 1800 mm wide (typed over the default), with a cable port (Enter).
  const price = page.getByTestId("price-panel");
  await expect(price).toHaveAttribute("aria-busy", "false");
  const walnut = page.getByRole("radio", { name: "Walnut" });
  await tabTo(page, walnut);
  await page.keyboard.press("Space");
  await expect(walnut).toHaveAttribute("aria-checked", "true");
  await tabTo(page, page.getByLabel("Width"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("1800");
  const cablePort = page.getByRole("radiogroup", { name: "Cable port" }).getByRole("radio", { name: "Yes" });
  await tabTo(page, cablePort);
  await page.keyboard.press("Enter");
  await expect(cablePort).toHaveAttribute("aria-checked", "true");
  await expect(price).toHaveAttribute("aria-busy", "false");
  const add = page.getByRole("button", { name: "Add to cart" });
  await expect(add).toBeEnabled();
  await tabTo(page, add);
  await page.keyboard.press("Enter");
  // The first cart of a fresh stack takes Medusa a while.
  await expect(page.getByText("Added to your cart.")).toBeVisible({ timeout: 30_000 });

  await tabTo(page, page.getByRole("link", { name: "Go to cart" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await tabTo(page, page.getByRole("link", { name: "Proceed to checkout" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout$/);

  const address = page.getByLabel("Deliver to");
  await tabTo(page, address);
  await chooseWithArrows(page, address, ACME_HAMBURG);
  const carrier = page.getByLabel("Shipping method");
  await tabTo(page, carrier, 1);
  await chooseWithArrows(page, carrier, `${ACME_CARRIER} — €45.00`);
  await tabTo(page, page.getByLabel(/Purchase-order number/), 1);
  await page.keyboard.type("PO-KEYS-1");
  await expect(page.getByTestId("checkout-shipping")).toHaveText("€45.00");
  const subtotal = await page.getByTestId("checkout-subtotal").textContent();
  await screenshot(page, "keyboard-checkout");
  await tabTo(page, page.getByRole("button", { name: "Place order" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/, { timeout: 30_000 });

  const orders = await db.order.findMany({ where: { buyerId: buyer.id }, include: { lines: true } });
  expect(orders).toHaveLength(1);
  const order = orders[0]!;
  expect(order).toMatchObject({
    status: "PLACED",
    poNumber: "PO-KEYS-1",
    carrierName: ACME_CARRIER,
    shippingMinor: 4_500,
    medusaOrderId: expect.any(String),
    shippingAddress: expect.objectContaining({ city: "Hamburg" }),
  });
  expect(subtotal).toBe(`€${(order.subtotalMinor / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`);
  expect(order.lines).toHaveLength(1);
  expect(order.lines[0]).toMatchObject({
    sku: "TBL-ATELIER-WALNUT",
    quantity: 1,
    configuration: { top: "walnut", width_mm: 1800, depth_mm: 800, legs: "steel", cable_port: true },
  });
  await expect(page.getByRole("status").filter({ hasText: `Order ${order.reference} placed` })).toBeVisible();
});
