import { emailsTo, linkIn, waitForEmail } from "../test/support/mail-inbox";
import { createUser } from "../prisma/seed/factories";
import { ACME_CARRIER, ACME_HAMBURG, acmeReadyForCheckout } from "./support/acme";
import { expect, expectSignedIn, loginError, screenshot, signIn, test } from "./support/fixtures";
import { odooCall } from "./support/odoo";

const STRONG = "blue tractor 2026 harvest";
const newEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.tradepost.example`;

// J7, one journey: Acme's org admin invites a NEW buyer with a spending limit; the invitation is
// read from the mail catcher; its link sets a password and signs the buyer in; the buyer's first
// order goes over the limit and becomes an approval request; the org admin (no approver involved)
// approves it and it is placed; the buyer's "approved" email is read from the catcher; the admin
// deactivates the buyer, whose already-open session is signed out on their next page load.
test("[J7] Acme's admin invites a buyer with a limit, approves their over-limit order, then deactivates them", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(240_000);
  const acme = await acmeReadyForCheckout(db);
  const stamp = Date.now() % 1_000_000;
  const admin = await createUser(db, { role: "ORG_ADMIN", organisationId: acme.id, name: `Arne Admin ${stamp}` });
  const email = newEmail("new-buyer");
  const buyerName = `Nina Newbuyer ${stamp}`;
  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);

  // 1. The invitation, with the field errors of a form filled badly first.
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
  await dialog.getByLabel(/Spending limit/).fill("20");
  await dialog.getByLabel("Period").selectOption("MONTH");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Pending");
  await screenshot(page, "org-members-and-invitations");

  // 2. The email in the catcher; its link, in the buyer's own browser, sets a password and signs in.
  const invitation = await waitForEmail(email, /invited to Acme Interiors/);
  expect(invitation.text).toContain("Buyer");
  const buyerPage = await (await browser.newContext()).newPage();
  await buyerPage.goto(linkIn(invitation, "/invite/"));
  await buyerPage.waitForLoadState("networkidle");
  await expect(buyerPage.getByRole("heading", { name: "Join Acme Interiors" })).toBeVisible();
  await buyerPage.getByLabel("Your name").fill(buyerName);
  await buyerPage.getByLabel("Password", { exact: true }).fill("short");
  await expect(buyerPage.getByTestId("password-rules").getByText("At least 12 characters")).toHaveAttribute(
    "data-met",
    "false",
  );
  await buyerPage.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(buyerPage.getByText(/The password needs: at least 12 characters/)).toBeVisible();
  await screenshot(buyerPage, "org-accept-invitation-weak-password");
  await buyerPage.getByLabel("Password", { exact: true }).fill(STRONG);
  await expect(buyerPage.getByTestId("password-rules").locator("[data-met=true]")).toHaveCount(4);
  await buyerPage.getByLabel("Repeat the password").fill(STRONG);
  await buyerPage.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(buyerPage).toHaveURL(/\/catalog$/, { timeout: 30_000 });
  const buyer = await db.user.findUniqueOrThrow({ where: { email } });
  expect(buyer).toMatchObject({ name: buyerName, role: "BUYER", organisationId: acme.id, isActive: true });
  expect(buyer).toMatchObject({ spendingLimitMinor: 2000, spendingLimitPeriod: "MONTH" });

  // 3. The new buyer's first order is over their €20 limit: an approval request, not an order.
  await buyerPage.goto("/products/levelling-feet");
  await expect(buyerPage.getByTestId("price-panel")).toHaveAttribute("aria-busy", "false");
  await buyerPage.getByRole("button", { name: "Add to cart" }).click();
  // The first cart of a fresh stack takes Medusa a while.
  await expect(buyerPage.getByText("Added to your cart.")).toBeVisible({ timeout: 30_000 });
  await buyerPage.goto("/checkout");
  await buyerPage.getByLabel("Deliver to").selectOption({ label: ACME_HAMBURG });
  await buyerPage.getByLabel("Shipping method").selectOption({ label: `${ACME_CARRIER} — €45.00` });
  await buyerPage.getByLabel(/Purchase-order number/).fill("PO-J7-NEW-BUYER");
  await buyerPage.getByRole("button", { name: "Place order" }).click();
  await expect(buyerPage).toHaveURL(/\/orders\/[0-9a-f-]{36}\?requested=1$/, { timeout: 30_000 });
  await expect(buyerPage.getByTestId("order-decision")).toBeVisible();
  await screenshot(buyerPage, "j7-approval-requested-buyer");
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(buyerPage.url())![1]!;
  const requested = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { approvalSteps: true } });
  expect(requested).toMatchObject({ status: "PENDING_APPROVAL", buyerId: buyer.id, medusaOrderId: null });
  expect(requested.approvalSteps).toMatchObject([
    { position: 1, status: "WAITING", reason: expect.stringContaining("monthly spending limit of €20.00") },
  ]);

  // 4. The org admin approves it on /approvals; the order is placed.
  await page.goto("/approvals");
  const card = page.getByTestId("approval-request").filter({ hasText: requested.reference });
  await expect(card).toContainText(buyerName);
  await expect(card).toContainText("Over the buyer's monthly spending limit of €20.00");
  await screenshot(page, "j7-approvals-org-admin");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`approved and placed as ${requested.reference}`)).toBeVisible({ timeout: 30_000 });
  const placed = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { approvalSteps: true } });
  expect(placed.status).toBe("PLACED");
  expect(placed.medusaOrderId).toMatch(/^order_/);
  expect(placed.approvalSteps).toMatchObject([{ status: "APPROVED", decidedById: admin.id }]);

  // 5. The buyer's "approved" email, as the worker sent it.
  const decided = await waitForEmail(email, new RegExp(`Order ${requested.reference} approved`));
  expect(decided.text).toContain(`${admin.name} approved your order ${requested.reference}. It is now placed.`);
  expect(linkIn(decided, `/orders/${orderId}`)).toContain(`/orders/${orderId}`);

  // 6. The admin deactivates the buyer, whose open session ends on their next page load.
  await page.goto("/portal/organisation");
  const row = page.getByTestId("member-row").filter({ hasText: email });
  // The placed order counts against the limit it went over.
  await expect(row).toContainText(/€\d+\.\d\d of €20\.00/);
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(`${buyerName} is now deactivated.`)).toBeVisible();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await screenshot(page, "j7-member-deactivated");
  expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).isActive).toBe(false);

  await buyerPage.goto(`/orders/${orderId}`);
  await expect(buyerPage).toHaveURL(/\/login\?next=/);
  await expect(buyerPage.getByRole("status")).toContainText("Your session has ended. Sign in again to continue.");
  await screenshot(buyerPage, "j7-deactivated-buyer-signed-out");
  // And signing in again is refused, saying why.
  await signIn(buyerPage, email, STRONG);
  await expect(loginError(buyerPage)).toContainText("Your account has been deactivated");
  await expect(buyerPage.getByText("Your session has ended")).toHaveCount(0);
  await expect(buyerPage).toHaveURL(/\/login/);
  await screenshot(buyerPage, "j7-deactivated-buyer-sign-in-refused");
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
