import { expect, expectSignedIn, loginError, screenshot, signIn, test } from "./support/fixtures";

test("[PORTAL] an org admin deactivates a buyer, who can then no longer sign in; the audit log shows it", async ({
  page,
  browser,
  db,
  seedOrganisation,
  seedStaff,
}) => {
  const { admin, buyer } = await seedOrganisation();
  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.getByRole("link", { name: "Manage organisation" }).click();

  const row = page.getByTestId("member-row").filter({ hasText: buyer.email });
  await expect(row.getByText("Active")).toBeVisible();
  await screenshot(page, "portal-organisation-members");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(`${buyer.name} is now deactivated.`)).toBeVisible();
  await expect(row.getByText("Deactivated")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).isActive).toBe(false);

  const buyerPage = await (await browser.newContext()).newPage();
  await signIn(buyerPage, buyer.email);
  await expect(loginError(buyerPage)).toContainText("Your account has been deactivated");

  const operator = await seedStaff("OPERATOR");
  const operatorPage = await (await browser.newContext()).newPage();
  await signIn(operatorPage, operator.email);
  await expectSignedIn(operatorPage, /\/portal$/);
  await operatorPage.goto("/portal/audit");
  const entry = operatorPage
    .getByTestId("audit-row")
    .filter({ hasText: "member.deactivated" })
    .filter({ hasText: admin.email });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("isActive: true → false");
  await screenshot(operatorPage, "portal-audit-log");
});

test("[PORTAL] an operator suspends an organisation and its signed-in members are signed out", async ({
  page,
  browser,
  db,
  seedOrganisation,
  seedStaff,
}) => {
  const { organisation, buyer } = await seedOrganisation();
  const buyerPage = await (await browser.newContext()).newPage();
  await signIn(buyerPage, buyer.email);
  await expectSignedIn(buyerPage, /\/catalog$/);

  const operator = await seedStaff("OPERATOR");
  await signIn(page, operator.email);
  await expectSignedIn(page, /\/portal$/);
  await page.goto("/portal/organisations");
  const row = page.getByTestId("organisation-row").filter({ hasText: organisation.name });
  await expect(row.getByTestId("odoo-link")).toHaveText("Not linked");
  await row.getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Its members are signed out at once");
  // The reason is required: without one the field says so and nothing changes.
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Say why the organisation is suspended");
  await expect(dialog.getByLabel("Reason for suspending")).toHaveAttribute("aria-invalid", "true");
  expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status).toBe("ACTIVE");
  await dialog.getByLabel("Reason for suspending").fill("Unpaid invoices since March");
  await screenshot(page, "portal-suspend-dialog");
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByText(`${organisation.name} is now suspended.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("suspension-reason")).toContainText("Unpaid invoices since March");
  await expect(row.getByTestId("suspension-reason")).toContainText(operator.email);
  expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status).toBe("SUSPENDED");
  await screenshot(page, "portal-organisations-suspended");

  await buyerPage.goto("/catalog");
  await expect(buyerPage).toHaveURL(/\/login/);
});
