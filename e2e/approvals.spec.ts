import type { Browser, Page } from "@playwright/test";
import { createUser } from "../prisma/seed/factories";
import { waitForEmail } from "../test/support/mail-inbox";
import { ACME_CARRIER, ACME_HAMBURG, acmeReadyForCheckout } from "./support/acme";
import { expect, screenshot, signIn, test } from "./support/fixtures";

// J7 (approval half of J3): a buyer over their spending limit submits an approval request; an
// approver approves it and the order is placed; a rejection's reason reaches the buyer. And the
// org admin's approval-rules page with its preview.

type TDb = Parameters<Parameters<typeof test>[2]>[0]["db"];

async function acmeReady(db: TDb) {
  const acme = await acmeReadyForCheckout(db);
  // Over-limit orders of Acme go to an approver (without this rule an org admin would decide them).
  if (!(await db.approvalRule.findFirst({ where: { organisationId: acme.id, condition: "OVER_SPENDING_LIMIT" } }))) {
    await db.approvalRule.create({
      data: { organisationId: acme.id, position: 100, condition: "OVER_SPENDING_LIMIT", approverRole: "APPROVER" },
    });
  }

  return acme;
}

/** A buyer of Acme with a €1 monthly limit submits one line: the approval request's order id. */
async function submitOverLimit(page: Page, db: TDb, acmeId: string, po: string) {
  const buyer = await createUser(db, { role: "BUYER", organisationId: acmeId, name: `Anna ${po}` });
  await db.user.update({ where: { id: buyer.id }, data: { spendingLimitMinor: 100, spendingLimitPeriod: "MONTH" } });
  await signIn(page, buyer.email);
  await expect(page).toHaveURL(/\/catalog$/);
  await page.goto("/products/levelling-feet");
  await expect(page.getByTestId("price-panel")).toHaveAttribute("aria-busy", "false");
  await page.getByRole("button", { name: "Add to cart" }).click();
  // The first cart of a fresh stack takes Medusa a while.
  await expect(page.getByText("Added to your cart.")).toBeVisible({ timeout: 30_000 });
  await page.goto("/checkout");
  await page.getByLabel("Deliver to").selectOption({ label: ACME_HAMBURG });
  await page.getByLabel("Shipping method").selectOption({ label: `${ACME_CARRIER} — €45.00` });
  await page.getByLabel(/Purchase-order number/).fill(po);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?requested=1$/, { timeout: 30_000 });
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { approvalSteps: true } });
  expect(order).toMatchObject({ status: "PENDING_APPROVAL", buyerId: buyer.id, poNumber: po, medusaOrderId: null });
  expect(order.approvalSteps).toMatchObject([
    {
      position: 1,
      requiredRole: "APPROVER",
      status: "WAITING",
      reason: expect.stringContaining("monthly spending limit of €1.00"),
    },
  ]);

  return { buyer, order };
}

async function approverPage(
  browser: Browser,
  db: TDb,
  acmeId: string,
  approver?: Awaited<ReturnType<typeof createUser>>,
) {
  approver ??= await createUser(db, { role: "APPROVER", organisationId: acmeId });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, approver.email);
  await expect(page).toHaveURL(/\/catalog$/);
  await page.goto("/approvals");

  return { approver, page };
}

test("[J7] a buyer over their limit asks for approval; an approver approves and the order is placed", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(240_000);
  const acme = await acmeReady(db);
  // Made before the request, so that it is one of the approvers asked by email.
  const asked = await createUser(db, { role: "APPROVER", organisationId: acme.id });
  const { buyer, order } = await submitOverLimit(page, db, acme.id, "PO-J7-OK");
  await expect(page.getByTestId("order-decision")).toBeVisible();
  const request = await waitForEmail(asked.email, new RegExp(`Approval needed: order ${order.reference}`));
  expect(request.text).toContain("monthly spending limit of €1.00");

  const approver = await approverPage(browser, db, acme.id, asked);
  const card = approver.page.getByTestId("approval-request").filter({ hasText: order.reference });
  await expect(card).toContainText("Waiting for an approver (step 1 of 1)");
  await expect(card).toContainText("Over the buyer's monthly spending limit of €1.00");
  await expect(card).toContainText("PO PO-J7-OK");
  await screenshot(approver.page, "approvals");

  await card.getByRole("button", { name: "Approve" }).click();
  await expect(approver.page.getByText(`approved and placed as ${order.reference}`)).toBeVisible({ timeout: 30_000 });
  await expect(approver.page.getByTestId("approval-request").filter({ hasText: order.reference })).toHaveCount(0);

  const placed = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { approvalSteps: true } });
  expect(placed.status).toBe("PLACED");
  expect(placed.medusaOrderId).toMatch(/^order_/);
  expect(placed.approvalSteps).toMatchObject([{ status: "APPROVED", decidedById: approver.approver.id }]);
  expect(await db.auditLog.count({ where: { entityId: order.id, action: "approval.step-approved" } })).toBe(1);
  // The buyer hears of the decision: the email as the worker sent it to the mail catcher.
  const decided = await waitForEmail(buyer.email, new RegExp(`Order ${order.reference} approved`));
  expect(decided.text).toContain(`${asked.name} approved your order ${order.reference}. It is now placed.`);
});

test("[J7] a rejection needs a reason, and the buyer reads it on the order", async ({ page, browser, db }) => {
  test.setTimeout(240_000);
  const acme = await acmeReady(db);
  const { order } = await submitOverLimit(page, db, acme.id, "PO-J7-NO");

  const approver = await approverPage(browser, db, acme.id);
  const card = approver.page.getByTestId("approval-request").filter({ hasText: order.reference });
  await card.getByRole("button", { name: "Reject…" }).click();
  await card.getByRole("button", { name: `Reject ${order.reference}` }).click();
  await expect(card.getByRole("alert")).toContainText("Say why you reject it");
  await card.getByLabel(/Reason for rejecting/).fill("Please order through the framework contract instead.");
  await card.getByRole("button", { name: `Reject ${order.reference}` }).click();
  await expect(approver.page.getByText(`${order.reference} rejected.`)).toBeVisible();

  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("order-decision")).toContainText(
    "Reason: Please order through the framework contract instead.",
  );
  await screenshot(page, "approval-rejected-buyer");
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
    status: "REJECTED",
    medusaOrderId: null,
  });
});

test("[J7] an org admin sets approval rules and previews what an order would need", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { organisation, admin, buyer } = await seedOrganisation();
  await db.user.update({ where: { id: buyer.id }, data: { name: "Anna Weber" } });
  await signIn(page, admin.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/portal/organisation/approval-rules");
  await expect(page.getByRole("heading", { name: "Approval rules" })).toBeVisible();
  await expect(page.getByText(/calendar periods .* in your organisation's time zone/)).toContainText("Europe/Berlin");

  const form = page.getByRole("form", { name: "Add a rule" });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByRole("alert")).toContainText("Enter the amount above which approval is needed.");
  await form.getByLabel(/Amount/).fill("11000");
  await form.getByLabel("Who must approve").selectOption("ORG_ADMIN");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("approval-rule-row")).toHaveCount(1);
  await form.getByLabel(/Amount/).fill("10000");
  await form.getByLabel("Who must approve").selectOption("APPROVER");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("approval-rule-row")).toHaveCount(2);

  // The approver's rule second: move it up so the approver decides first.
  await page.getByTestId("approval-rule-row").nth(1).getByRole("button", { name: "Move up" }).click();
  await expect(page.getByTestId("approval-rule-row").first()).toContainText("Order total above €10,000.00");

  const preview = page.getByRole("form", { name: "Preview approvals" });
  await preview.getByLabel("Ordered by").selectOption({ label: "Anna Weber" });
  await preview.getByLabel(/Order total/).fill("12000");
  await preview.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("approval-preview")).toContainText(
    "An order of €12,000.00 by Anna Weber would need: approver, then org admin.",
  );
  await screenshot(page, "approval-rules");

  await page.getByTestId("approval-rule-row").nth(1).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("approval-rule-row").nth(1)).toContainText("Inactive");
  await preview.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("approval-preview")).toContainText("would need: approver.");
  const rules = await db.approvalRule.findMany({
    where: { organisationId: organisation.id },
    orderBy: { position: "asc" },
  });
  expect(rules.map((rule) => [rule.amountMinor, rule.approverRole, rule.active])).toEqual([
    [1_000_000, "APPROVER", true],
    [1_100_000, "ORG_ADMIN", false],
  ]);
});
