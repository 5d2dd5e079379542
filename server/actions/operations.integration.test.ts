// The operations actions: only an operator may run the catalogue import or set up Odoo's
// webhooks; "run now" queues one reconciliation of Odoo's products and no second one while it
// waits; the webhook setup writes the rules into Odoo (the emulator) once.
import { afterAll, describe, expect, it, vi } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { ok } from "../../test/support/actions";
import { WEBHOOK_RULES } from "@/lib/erp/webhook-rules";
import { runCatalogImportAction, setupOdooWebhooksAction } from "@/server/actions/operations";
import { stopSender } from "@/server/jobs/enqueue";

const emulator = useOdooEmulator();
vi.mock("@/server/odoo/get-odoo-client", () => ({ getOdooClient: () => emulator.client("json2") }));
process.env.ODOO_WEBHOOK_TOKENS = "operations-test-token-0123456789";

const db = testDb();
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

type TJobRow = { state: string; data: { payload: { models?: string[] } } };
const reconcileJobs = () =>
  db.$queryRaw<TJobRow[]>`SELECT state, data FROM pgboss.job WHERE name = 'integrations.reconcile-odoo'`;

describe("operations actions", () => {
  it("refuses anyone but an operator", async () => {
    signInAs(await createUser(db, { role: "DATA_MANAGER" }));
    expect(await runCatalogImportAction()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await setupOdooWebhooksAction()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(null);
    expect(await runCatalogImportAction()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("queues one import of Odoo's products, and no second while it waits", async () => {
    signInAs(await createUser(db, { role: "OPERATOR" }));
    expect(ok(await runCatalogImportAction())).toEqual({ queued: true });
    expect(ok(await runCatalogImportAction())).toEqual({ queued: false });
    expect(await reconcileJobs()).toEqual([
      expect.objectContaining({
        state: "created",
        data: expect.objectContaining({ payload: { models: ["odoo.product.product"] } }),
      }),
    ]);
  });

  it("sets up Odoo's webhook rules, then finds them current", async () => {
    signInAs(await createUser(db, { role: "OPERATOR" }));
    const models = WEBHOOK_RULES.map((rule) => rule.model);
    expect(ok(await setupOdooWebhooksAction())).toEqual({ created: models, updated: [], unchanged: [] });
    expect(ok(await setupOdooWebhooksAction())).toEqual({ created: [], updated: [], unchanged: models });
  });
});
