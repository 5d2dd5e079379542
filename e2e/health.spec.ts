import { expect, test } from "@playwright/test";

test("[HEALTH] reports the database, Medusa and Odoo as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "ok",
    checks: { database: { status: "ok" }, medusa: { status: "ok" }, odoo: { status: "ok" } },
  });
});
