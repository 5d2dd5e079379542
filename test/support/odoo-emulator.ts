// An Odoo emulator in the test process, on a free port, for client and fault tests.
import type { AddressInfo } from "node:net";
import { OdooEmulator, type TEmulatorOptions } from "../../stack/odoo-emulator/emulator";
import { createEmulatorServer } from "../../stack/odoo-emulator/server";

export const EMULATOR_API_KEY = "test-odoo-admin-api-key-0123456789";
export const EMULATOR_ADMIN_TOKEN = "test-odoo-emulator-admin-token-0123456789";

export async function startTestEmulator(options: Partial<TEmulatorOptions> = {}) {
  const log: string[] = [];
  const emulator = new OdooEmulator({
    db: "erp",
    adminApiKey: EMULATOR_API_KEY,
    adminPassword: "admin",
    adminToken: EMULATOR_ADMIN_TOKEN,
    deliveryInstalled: true,
    log: (line) => log.push(line),
    ...options,
  });
  const server = createEmulatorServer(emulator);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    emulator,
    url,
    log,
    /** Calls the emulator's admin API as the stack does: bearer token, JSON body. */
    admin: async (method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${EMULATOR_ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      };
      const response = await fetch(`${url}/__emulator/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });

      return { status: response.status, body: (await response.json()) as unknown };
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    },
  };
}
