// npm run odoo:emulator -- --port 8069 [--db erp] [--api-key KEY] [--admin-password admin] [--admin-token TOKEN]
//   [--state-file odoo.json] [--recorded-start] [--fault kind=error,status=503,model=sale.order,method=create,rate=0.5]
//   [--webhook-drop] [--webhook-delay-ms 5000] [--freeze-clock "2026-11-22 05:30:00"] [--sales-tax 15]
// An Odoo 19 stand-in that speaks JSON-2 and JSON-RPC as recorded in ../shared/fixtures/odoo.
import { parseArgs } from "node:util";
import { OdooEmulator } from "./emulator";
import { parseFaultFlag } from "./faults";
import { createEmulatorServer } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8069" },
    host: { type: "string", default: "127.0.0.1" },
    db: { type: "string", default: "erp" },
    "api-key": { type: "string", default: process.env.ODOO_EMULATOR_API_KEY ?? "tradepost-emulator-admin-key" },
    "admin-password": { type: "string", default: "admin" },
    // The admin API (/__emulator/*) is disabled without a token; the stack passes it in the environment.
    "admin-token": { type: "string" },
    "state-file": { type: "string" },
    "recorded-start": { type: "boolean", default: false },
    fault: { type: "string", multiple: true, default: [] },
    "webhook-drop": { type: "boolean", default: false },
    "webhook-delay-ms": { type: "string", default: "0" },
    "freeze-clock": { type: "string" },
    "sales-tax": { type: "string", default: "15" },
  },
});

const emulator = new OdooEmulator({
  db: values.db,
  adminApiKey: values["api-key"],
  adminPassword: values["admin-password"],
  adminToken: values["admin-token"] || process.env.ODOO_EMULATOR_ADMIN_TOKEN || undefined,
  // The recording began before `delivery` was installed; Tradepost itself expects it.
  deliveryInstalled: !values["recorded-start"],
  salesTaxPercent: Number(values["sales-tax"]),
  stateFile: values["state-file"],
  log: (line) => console.log(line),
});
for (const flag of values.fault) emulator.faults.add(parseFaultFlag(flag));
emulator.faults.setWebhookFaults({ drop: values["webhook-drop"], delayMs: Number(values["webhook-delay-ms"]) });
if (values["freeze-clock"]) emulator.clock.freeze(values["freeze-clock"]);

const server = createEmulatorServer(emulator);
server.listen(Number(values.port), values.host, () =>
  console.log(`INFO odoo-emulator: Odoo 19 emulator on http://${values.host}:${values.port} (db ${values.db})`),
);

async function stop(): Promise<void> {
  server.close();
  await emulator.close();
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop());
