import { emailsTo, linkIn, waitForEmail } from "../test/support/mail-inbox";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";
import { odooCall } from "./support/odoo";

const STRONG = "blue tractor 2026 harvest";
const newEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.tradepost.example`;

test("[ORG] an org admin invites a buyer with a limit; the email arrives; its link sets a password and signs in", async ({
  page,
  browser,
  db,
  seedOrganisation,
}) => {
  const { organisation, admin } = await seedOrganisation();
  const email = newEmail("new-buyer");
  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/portal/organisation");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill("not an email");
  await dialog.getByLabel(/Spending limit/).fill("12.345");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
  await expect(dialog.getByText(/Enter an amount such as 5000/)).toBeVisible();
  await screenshot(page, "org-invite-field-errors");

  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("BUYER");
  await dialog.getByLabel(/Spending limit/).fill("1500");
  await dialog.getByLabel("Period").selectOption("MONTH");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Pending");
  await screenshot(page, "org-members-and-invitations");

  const mail = await waitForEmail(email, new RegExp(`invited to ${organisation.name}`));
  expect(mail.text).toContain("Buyer");
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(linkIn(mail, "/invite/"));
  await invitee.waitForLoadState("networkidle");
  await expect(invitee.getByRole("heading", { name: `Join ${organisation.name}` })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Nina Newbuyer");
  await invitee.getByLabel("Password", { exact: true }).fill("short");
  await expect(invitee.getByTestId("password-rules").getByText("At least 12 characters")).toHaveAttribute(
    "data-met",
    "false",
  );
  await invitee.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(invitee.getByText(/The password needs: at least 12 characters/)).toBeVisible();
  await screenshot(invitee, "org-accept-invitation-weak-password");
  await invitee.getByLabel("Password", { exact: true }).fill(STRONG);
  await expect(invitee.getByTestId("password-rules").locator("[data-met=true]")).toHaveCount(4);
  await invitee.getByLabel("Repeat the password").fill(STRONG);
  await invitee.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(invitee).toHaveURL(/\/catalog$/, { timeout: 30_000 });

  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user).toMatchObject({ name: "Nina Newbuyer", role: "BUYER", organisationId: organisation.id });
  expect(user).toMatchObject({ spendingLimitMinor: 150000, spendingLimitPeriod: "MONTH" });
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await expect(row).toContainText("€1,500.00");
  await expect(row).toContainText("per month");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);
});

test("[ORG] a revoked, an expired and a forged invitation link say so plainly", async ({
  page,
  browser,
  db,
  seedOrganisation,
}) => {
  const { admin } = await seedOrganisation();
  const [revoked, expired] = [newEmail("revoked"), newEmail("expired")];
  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/portal/organisation");
  for (const email of [revoked, expired]) {
    await page.getByRole("button", { name: "Invite member" }).click();
    await page.getByRole("dialog").getByLabel("Email").fill(email);
    await page.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }
  await page.getByTestId("invitation-row").filter({ hasText: revoked }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("invitation-row").filter({ hasText: revoked })).toContainText("Revoked");
  await db.invitation.updateMany({ where: { email: expired }, data: { expiresAt: new Date(Date.now() - 60_000) } });

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(linkIn(await waitForEmail(revoked, /invited/), "/invite/"));
  await expect(visitor.getByRole("status")).toContainText("This invitation was withdrawn");
  await screenshot(visitor, "org-invitation-revoked");
  await visitor.goto(linkIn(await waitForEmail(expired, /invited/), "/invite/"));
  await expect(visitor.getByRole("status")).toContainText("This invitation has expired");
  await visitor.goto("/invite/not-a-real-token");
  await expect(visitor.getByRole("status")).toContainText("This invitation link is not valid");
  expect(await db.user.count({ where: { email: { in: [revoked, expired] } } })).toBe(0);
});

test("[ORG] the last org admin cannot demote themselves; the error is on the role field", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { admin } = await seedOrganisation();
  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/portal/organisation");
  await page.getByTestId("member-row").filter({ hasText: admin.email }).getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Role").selectOption("BUYER");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/last active org admin/)).toBeVisible();
  await screenshot(page, "org-last-admin-refused");
  expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ORG_ADMIN");
});

test("[AUTH] forgot password: the same answer for any email; the emailed link sets a new password and signs in", async ({
  page,
  seedOrganisation,
}) => {
  const { buyer } = await seedOrganisation();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForLoadState("networkidle");
  const unknown = newEmail("nobody");
  await page.getByLabel("Email").fill(unknown);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText(`If ${unknown} belongs to a Tradepost account`);

  await page.goto("/reset-password");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(buyer.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${buyer.email} belongs to a Tradepost account`);
  await screenshot(page, "auth-reset-requested");
  const mail = await waitForEmail(buyer.email, /Reset your Tradepost password/);
  expect(await emailsTo(unknown)).toHaveLength(0);

  await page.goto(linkIn(mail, "/reset-password/"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Password", { exact: true }).fill(STRONG);
  await page.getByLabel("Repeat the password").fill(STRONG);
  await screenshot(page, "auth-reset-choose-password");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(/\/catalog$/, { timeout: 30_000 });
  await page.goto(linkIn(mail, "/reset-password/"));
  await expect(page.getByRole("status")).toContainText("This reset link was used already");
});

test("[ORG] an operator onboards an organisation found in Odoo's partners and invites its first admin", async ({
  page,
  db,
  seedStaff,
}) => {
  const name = `Onboarded Werkstatt ${Date.now()}`;
  const [partnerId] = await odooCall<number[]>("res.partner", "create", {
    vals_list: [{ name, is_company: true, vat: "DE111222333", city: "Leipzig", ref: `E2E-${Date.now()}` }],
  });
  const adminEmail = newEmail("first-admin");
  const operator = await seedStaff("OPERATOR");
  await signIn(page, operator.email);
  await expectSignedIn(page, /\/portal$/);
  await page.goto("/portal/organisations");
  await page.getByRole("link", { name: "Onboard from Odoo" }).click();
  await expect(page).toHaveURL(/\/portal\/organisations\/onboard$/);
  await page.getByLabel("Search Odoo").fill(name.slice(0, 22));
  await page.getByRole("button", { name: "Search Odoo" }).click();
  await expect(page).toHaveURL(/\?q=/);
  await page.waitForLoadState("networkidle");
  const row = page.getByTestId("odoo-company-row").filter({ hasText: name });
  await expect(row).toContainText("DE111222333");
  await row.getByRole("button", { name: "Onboard" }).click();
  await page.getByRole("dialog").getByLabel("First org admin's email").fill(adminEmail);
  await screenshot(page, "org-onboard-from-odoo");
  await page.getByRole("dialog").getByRole("button", { name: "Onboard and invite" }).click();
  await expect(page.getByText(`${name} is onboarded`)).toBeVisible();
  await expect(row).toContainText(`Linked: ${name}`);

  const organisation = await db.organisation.findUniqueOrThrow({ where: { name } });
  const link = await db.externalLink.findFirstOrThrow({ where: { system: "ODOO", localId: organisation.id } });
  expect(link.externalId).toBe(String(partnerId));
  const mail = await waitForEmail(adminEmail, new RegExp(`invited to ${name}`));
  expect(mail.text).toMatch(/Your role: +Organisation administrator/);
});
