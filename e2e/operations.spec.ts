import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createUser } from "../prisma/seed/factories";
import { emulatorAction, odooCall } from "./support/odoo";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// J9: the operations console. Webhooks refused or repeated are in the inbox with the reason; only
// operators get in; and an order whose push Odoo refuses ends in the dead letters, is found by its
// PO number, shows Odoo's error on its timeline, and after the cause is fixed and it is replayed,
// becomes exactly one confirmed sale order in Odoo.

const OPERATIONS_PAGES = [
  "/portal/operations",
  "/portal/operations/queues",
  "/portal/operations/inbox",
  "/portal/operations/sync-log",
  "/portal/operations/drift",
  "/portal/operations/catalog-import",
  `/portal/operations/orders/${randomUUID()}`,
];
const forbidden = (page: Page) =>
  expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
const env = (name: string) => process.env[name] ?? "";

async function postWebhook(token: string, body: string, requestId: string) {
  return fetch(`${env("E2E_BASE_URL")}/api/webhooks/odoo/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "python-requests/2.28.1", "x-request-id": requestId },
    body,
  });
}

test("[J9] the webhook inbox shows a delivery with a wrong token and a duplicate, each with its reason", async ({
  page,
  seedStaff,
}) => {
  const token = env("ODOO_WEBHOOK_TOKENS").split(",")[0]!;
  const id = 700_000 + Math.floor(Math.random() * 99_999);
  const body = JSON.stringify({ _id: id, _model: "x_ops.probe", id, write_date: `2026-12-03 10:00:00.${id}` });
  const [forged, first, again] = [`j9-forged-${id}`, `j9-first-${id}`, `j9-again-${id}`];
  expect((await postWebhook("not-the-token-0123456789abcdefgh", body, forged)).status).toBe(404);
  expect((await postWebhook(token, body, first)).status).toBe(200);
  expect((await postWebhook(token, body, again)).status).toBe(200);

  const operator = await seedStaff("OPERATOR");
  await signIn(page, operator.email);
  await expectSignedIn(page, /\/portal$/);
  await page.goto(`/portal/operations/inbox?q=${forged}`);
  const rejected = page.getByRole("table", { name: "Webhook deliveries" }).getByRole("row").nth(1);
  await expect(rejected).toContainText("rejected");
  await expect(rejected).toContainText("Unknown token in the URL.");
  await rejected.getByText("Headers and body").click();
  await expect(rejected).toContainText(`"_model": "x_ops.probe"`);
  await expect(rejected).not.toContainText(token);
  await screenshot(page, "operations-inbox-rejected");

  await page.goto(`/portal/operations/inbox?q=${id}`);
  const rows = page.getByRole("table", { name: "Webhook deliveries" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "duplicate" })).toContainText("Same delivery already received.");
  await expect(rows.filter({ hasText: "duplicate" }).getByRole("link", { name: "Original delivery" })).toBeVisible();
  await expect(rows.filter({ hasText: /processed|accepted/ })).toHaveCount(1);
  await screenshot(page, "operations-inbox");
});

test("[J9] only operators get into the operations console", async ({ page, seedOrganisation, seedStaff }) => {
  test.setTimeout(240_000);
  const { buyer, admin } = await seedOrganisation();
  const dataManager = await seedStaff("DATA_MANAGER");
  for (const user of [buyer, admin, dataManager]) {
    await page.context().clearCookies();
    await signIn(page, user.email);
    await expectSignedIn(page, user.role === "DATA_MANAGER" ? /\/portal$/ : /\/catalog$/);
    for (const path of OPERATIONS_PAGES) {
      await page.goto(path);
      await forbidden(page);
    }
  }
  expect((await fetch(`${env("E2E_BASE_URL")}/api/metrics`)).status).toBe(404);

  await page.context().clearCookies();
  await page.goto("/portal/operations/queues");
  await expect(page).toHaveURL(/\/login\?next=%2Fportal%2Foperations%2Fqueues/);
  const operator = await seedStaff("OPERATOR");
  await signIn(page, operator.email);
  await expectSignedIn(page, /\/portal$/);
  await page.goto("/portal/operations");
  await expect(page.getByRole("heading", { name: "Operations", exact: true })).toBeVisible();
  await expect(page.getByTestId("status-database")).toContainText("up", { timeout: 150_000 });
  await expect(page.getByRole("table", { name: "Queues" })).toContainText("orders.push-to-odoo");
  await screenshot(page, "operations-overview");
  await page.goto("/portal/operations/drift");
  await expect(page.getByRole("heading", { name: "Drift report" })).toBeVisible();
  await expect(page.getByText("Live, every 15 s")).toBeVisible();
});

type TDb = Parameters<Parameters<typeof test>[2]>[0]["db"];

// As the J3 checkout spec: Acme's account and addresses reach the cache from the demo's Odoo data
// (and its carriers, which Odoo must know for the push: no local-only carrier here).
async function acmeReady(db: TDb) {
  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  await expect
    .poll(async () => db.erpAddress.count({ where: { organisationId: acme.id, type: "delivery" } }), {
      timeout: 90_000,
    })
    .toBeGreaterThan(0);

  return acme;
}

async function placeOrder(page: Page, po: string) {
  await page.goto("/products/levelling-feet");
  await expect(page.getByTestId("price-panel")).toHaveAttribute("aria-busy", "false");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible({ timeout: 30_000 });
  await page.goto("/checkout");
  await page
    .getByLabel("Deliver to")
    .selectOption({ label: "Hamburg showroom, Große Elbstraße 145, 22767 Hamburg, DE" });
  await page.getByLabel(/Purchase-order number/).fill(po);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/, { timeout: 30_000 });
}

async function clearOdooFaults() {
  const response = await fetch(`${env("ODOO_URL")}/__emulator/faults`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${env("ODOO_EMULATOR_ADMIN_TOKEN")}` },
  });
  expect(response.status).toBe(200);
}

test("[J9] an order Odoo refuses is dead-lettered, found by its PO number, explained on its timeline, replayed once fixed: one confirmed sale order", async ({
  page,
  db,
  seedStaff,
}) => {
  test.setTimeout(300_000);
  const acme = await acmeReady(db);
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });
  const po = `PO-J9-${randomUUID().slice(0, 6).toUpperCase()}`;
  const refusal = "The fiscal position of the delivery address is not allowed for this company.";
  await emulatorAction("faults", {
    kind: "error",
    model: "sale.order",
    method: "create",
    exception: "ValidationError",
    message: refusal,
  });
  try {
    await signIn(page, buyer.email);
    await expectSignedIn(page, /\/catalog$/);
    await placeOrder(page, po);
    const order = await db.order.findFirstOrThrow({ where: { buyerId: buyer.id, poNumber: po } });
    // The worker tries once: a ValidationError is permanent, so the push goes to the dead letters at once.
    await expect
      .poll(async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).pushStatus, { timeout: 60_000 })
      .toBe("FAILED");

    await page.context().clearCookies();
    const operator = await seedStaff("OPERATOR");
    await signIn(page, operator.email);
    await expectSignedIn(page, /\/portal$/);
    await page.goto("/portal/operations");
    await page.getByRole("link", { name: "Sync log" }).click();
    await page.getByLabel("Search the sync log").fill(po);
    await page.getByRole("button", { name: "Search" }).click();
    const match = page.getByLabel("Matching orders");
    await expect(match).toContainText(order.reference);
    await expect(match).toContainText("push failed");
    await screenshot(page, "operations-sync-log-po");
    await match.getByRole("link", { name: "Timeline" }).click();

    await expect(page.getByRole("heading", { name: `Order ${order.reference}` })).toBeVisible();
    const timeline = page.getByRole("list", { name: "Order timeline" });
    const create = timeline.getByRole("listitem").filter({ hasText: "sale.order / create" });
    await expect(create).toHaveCount(1);
    await expect(create).toHaveAttribute("data-outcome", "failed");
    await expect(create).toContainText(`odoo.exceptions.ValidationError: ${refusal}`);
    await expect(timeline).toContainText("Push dead-lettered after 1 attempt(s)");
    await expect(timeline).toContainText("Checkout submitted");
    await screenshot(page, "operations-timeline-failed");

    await clearOdooFaults();
    await page.getByRole("link", { name: "Queues & dead letters" }).click();
    const letter = page.locator("tr", { has: page.locator(`a[href="/portal/operations/orders/${order.id}"]`) });
    await expect(letter).toContainText(refusal);
    await screenshot(page, "operations-dead-letters");
    await letter.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByText("1 replayed.")).toBeVisible();
    await expect(letter).toHaveCount(0);

    // The order's own link takes an operator to its timeline.
    await page.goto(`/orders/${order.id}`);
    await expect(page).toHaveURL(new RegExp(`/portal/operations/orders/${order.id}$`));
    // The page refreshes itself every few seconds: no reload needed to see Odoo's confirmation.
    await expect(timeline).toContainText(/Confirmed in Odoo as S\d+/, { timeout: 60_000 });
    await expect(timeline).toContainText("Push replayed from the dead letters by");
    await expect(timeline.getByRole("listitem").filter({ hasText: "sale.order / action_confirm" })).toHaveAttribute(
      "data-outcome",
      "ok",
    );
    await screenshot(page, "operations-timeline-confirmed");

    const inOdoo = await odooCall<{ id: number; state: string }[]>("sale.order", "search_read", {
      domain: [["client_order_ref", "=", order.reference]],
      fields: ["state"],
    });
    expect(inOdoo).toEqual([expect.objectContaining({ state: "sale" })]);
  } finally {
    await clearOdooFaults();
  }
});
