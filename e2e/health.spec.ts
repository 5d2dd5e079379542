import { expect, expectSignedIn, signIn, test } from "./support/fixtures";

// The e2e stack runs Strapi, so the PIM is reported too.
const PUBLIC_ANSWER = { status: "ok", checks: { database: "ok", medusa: "ok", odoo: "ok", pim: "ok" } };

test("[HEALTH] tells anyone the database, Medusa, Odoo and the PIM are up, and nothing more", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual(PUBLIC_ANSWER);
});

test("[HEALTH] an operator's session sees latencies and versions; a buyer's does not", async ({
  page,
  browser,
  seedOrganisation,
  seedStaff,
}) => {
  const operator = await seedStaff("OPERATOR");
  await signIn(page, operator.email);
  await expectSignedIn(page, /\/portal/);
  const detailed = await page.request.get("/api/health");
  expect(detailed.status()).toBe(200);
  expect(await detailed.json()).toMatchObject({
    status: "ok",
    checks: {
      database: { status: "ok", latencyMs: expect.any(Number), detail: expect.stringMatching(/^PostgreSQL/) },
      medusa: { status: "ok", latencyMs: expect.any(Number) },
      odoo: { status: "ok", latencyMs: expect.any(Number), detail: expect.stringMatching(/^Odoo 19/) },
      pim: { status: "ok", latencyMs: expect.any(Number), detail: "Strapi" },
    },
  });

  const buyerPage = await (await browser.newContext()).newPage();
  const { buyer } = await seedOrganisation();
  await signIn(buyerPage, buyer.email);
  await expectSignedIn(buyerPage, /\/catalog$/);
  expect(await (await buyerPage.request.get("/api/health")).json()).toEqual(PUBLIC_ANSWER);
});

test("[HEALTH] a token that is not the configured one is refused", async ({ request }) => {
  const response = await request.get("/api/health", {
    headers: { authorization: "Bearer not-the-health-token-not-the-health-token" },
  });

  expect(response.status()).toBe(401);
  expect(JSON.stringify(await response.json())).not.toMatch(/latencyMs|checks/);
});
