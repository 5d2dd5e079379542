import type { Page } from "@playwright/test";
import { expect, expectSignedIn, signIn, test } from "./support/fixtures";

const forbidden = (page: Page) =>
  expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

test("[ACCESS] visitors without a session are sent to sign in, then back where they were going", async ({
  page,
  seedStaff,
}) => {
  const operator = await seedStaff("OPERATOR");
  await page.goto("/portal/organisations");
  await expect(page).toHaveURL(/\/login\?next=%2Fportal%2Forganisations/);

  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal\/organisations$/);
  await expect(page.getByRole("heading", { name: "Organisations" })).toBeVisible();
});

test("[ACCESS] a buyer is kept out of the portal", async ({ page, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);

  for (const path of [
    "/portal",
    "/portal/organisation",
    "/portal/organisations",
    "/portal/mappings",
    "/portal/audit",
  ]) {
    await page.goto(path);
    await forbidden(page);
  }
});

test("[ACCESS] an org admin sees only their own organisation", async ({ page, seedOrganisation }) => {
  const a = await seedOrganisation();
  const b = await seedOrganisation();
  await signIn(page, a.admin.email);
  await expectSignedIn(page, /\/catalog$/);

  await page.goto("/portal/organisation");
  await expect(page.getByRole("heading", { name: a.organisation.name })).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByText(a.buyer.email)).toBeVisible();
  await expect(page.getByText(b.buyer.email)).toHaveCount(0);
  await expect(page.getByText(b.admin.email)).toHaveCount(0);

  for (const path of ["/portal/organisations", "/portal/mappings", "/portal/audit"]) {
    await page.goto(path);
    await forbidden(page);
  }
});

test("[ACCESS] staff are kept out of the storefront", async ({ page, seedStaff }) => {
  const dataManager = await seedStaff("DATA_MANAGER");
  await signIn(page, dataManager.email);
  await expectSignedIn(page, /\/portal$/);

  for (const path of ["/catalog", "/products/made-to-measure-table", "/portal/organisation", "/portal/mappings"]) {
    await page.goto(path);
    await forbidden(page);
  }
});

test("[ACCESS] a data manager can read organisations but not suspend them", async ({
  page,
  seedStaff,
  seedOrganisation,
}) => {
  const { organisation } = await seedOrganisation();
  const dataManager = await seedStaff("DATA_MANAGER");
  await signIn(page, dataManager.email);
  await expectSignedIn(page, /\/portal$/);

  await page.goto("/portal/organisations");
  await expect(page.getByTestId("organisation-row").filter({ hasText: organisation.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Suspend" })).toHaveCount(0);
});
