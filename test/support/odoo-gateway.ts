// Gateway tests: one in-process emulator per test file, reset before each test, and a client
// per protocol (the gateways must behave the same over JSON-2 and JSON-RPC).
import { afterAll, beforeAll, beforeEach } from "vitest";
import { OdooClient, type TOdooClientConfig } from "@/server/odoo/client";
import { EMULATOR_API_KEY, startTestEmulator } from "./odoo-emulator";

export const ODOO_PROTOCOLS = ["json2", "jsonrpc"] as const;
export type TTestProtocol = (typeof ODOO_PROTOCOLS)[number];

const CREDENTIALS = {
  json2: { protocol: "json2", apiKey: EMULATOR_API_KEY },
  jsonrpc: { protocol: "jsonrpc", login: "admin", password: "admin" },
} as const;

export function useOdooEmulator() {
  const handle = {} as { odoo: Awaited<ReturnType<typeof startTestEmulator>> };
  beforeAll(async () => {
    handle.odoo = await startTestEmulator();
  });
  afterAll(() => handle.odoo.stop());
  beforeEach(async () => {
    // The clock is not part of the database: unfreeze it before reseeding.
    await handle.odoo.admin("PUT", "clock", { frozenAt: null });
    await handle.odoo.admin("POST", "reset", {});
  });

  return {
    get odoo() {
      return handle.odoo;
    },
    client: (protocol: TTestProtocol, overrides: Partial<TOdooClientConfig> = {}) =>
      new OdooClient({
        url: handle.odoo.url,
        db: "erp",
        timeoutMs: 5_000,
        maxConcurrency: 4,
        ...CREDENTIALS[protocol],
        ...overrides,
      }),
    /** Freezes Odoo's clock: everything written from now on has this write_date. */
    freezeClock: (at: string | null) => handle.odoo.admin("PUT", "clock", { frozenAt: at }),
  };
}
