import { createUser } from "../prisma/seed/factories";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

test("[CONFIGURATOR] a data manager changes a product model with a live preview and publishes it; buyers get it at once", async ({
  page,
  browser,
  db,
  seedStaff,
}) => {
  test.setTimeout(120_000);
  const manager = await seedStaff("DATA_MANAGER");
  await signIn(page, manager.email);
  await expectSignedIn(page, /\/portal$/);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Product models" }).click();
  await page
    .getByTestId("model-row")
    .filter({ hasText: "Custom Cable Assembly" })
    .getByRole("link", { name: "Open" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Live");
  await page.getByRole("button", { name: "Start a new draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft");

  // Copper runs now end at 80 m: the preview follows before anything is saved.
  const rule = page.getByTestId("constraint-editor").filter({ has: page.locator('input[value="copper-length"]') });
  await rule.getByLabel("At most").fill("80");
  await rule.getByLabel("Reason buyers see").fill("Copper Cat6a links are limited to 80 m.");
  const preview = page.getByRole("complementary").filter({ hasText: "Buyer preview" });
  await preview.getByRole("radio", { name: "Cat6a copper" }).click();
  await preview.getByLabel("Length").fill("85");
  await expect(
    preview.getByRole("alert").filter({ hasText: "Copper Cat6a links are limited to 80 m." }).first(),
  ).toBeVisible();
  await expect(preview.getByRole("radio", { name: "OM4 fibre" })).not.toHaveAttribute("aria-disabled");

  // A constraint that breaks the defaults (copper is the default cable) is flagged at once and blocks publishing.
  await page.getByRole("button", { name: "Add constraint" }).click();
  const added = page.getByTestId("constraint-editor").last();
  await added.getByLabel("Reason buyers see").fill("Copper is no longer sold.");
  await expect(page.getByTestId("model-finding").first()).toContainText(
    "The default configuration breaks “Copper is no longer sold.”",
  );
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await screenshot(page, "configurator-blocked");
  await added.getByRole("button", { name: "Remove c3" }).click();
  await expect(page.getByText("Every value can be chosen and the defaults are valid.")).toBeVisible();

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: buyers configure with this version now.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Live");
  await screenshot(page, "configurator-editor");
  const versions = await db.configuratorModelVersion.findMany({
    where: { model: { productHandle: "cable-assembly" } },
    orderBy: { number: "asc" },
  });
  expect(versions.map((version) => version.status)).toEqual(versions.map(() => "PUBLISHED"));
  expect(JSON.stringify(versions.at(-1)!.definition)).toContain('"max":80');

  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });
  const buyerPage = await (await browser.newContext()).newPage();
  await signIn(buyerPage, buyer.email);
  await expectSignedIn(buyerPage, /\/catalog$/);
  await buyerPage.goto("/products/cable-assembly");
  // Untouched, the cable follows the length: 85 m switches it to fibre (which needs a test report).
  await buyerPage.getByLabel("Length").fill("85");
  await expect(buyerPage.getByRole("radio", { name: "OM4 fibre" })).toHaveAttribute("aria-checked", "true");
  await expect(
    buyerPage.getByRole("radiogroup", { name: "Printed test report" }).getByRole("radio", { name: "Yes" }),
  ).toHaveAttribute("aria-checked", "true");
  // Copper chosen first stays copper, and the length typed after it is what is wrong.
  await buyerPage.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(buyerPage.getByRole("radio", { name: "Cat6a copper" })).toHaveAttribute("aria-checked", "true");
  await buyerPage.getByRole("radio", { name: "Cat6a copper" }).click();
  await buyerPage.getByLabel("Length").fill("85");
  await expect(
    buyerPage.getByRole("alert").filter({ hasText: "Copper Cat6a links are limited to 80 m." }).first(),
  ).toBeVisible();
  await expect(buyerPage.getByRole("button", { name: "Add to cart" })).toBeDisabled();
});
