// One emulator for a file of Odoo client tests (reset before each test), a client on it per
// protocol, and the OdooError a call fails with.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { EMULATOR_API_KEY, startTestEmulator } from "./odoo-emulator";
import { OdooClient, type TOdooClientConfig } from "@/server/odoo/client";
import { OdooError } from "@/server/odoo/errors";

const PROTOCOLS = {
  json2: { protocol: "json2", apiKey: EMULATOR_API_KEY },
  jsonrpc: { protocol: "jsonrpc", login: "admin", password: "admin" },
} as const;

export function useOdooClientEmulator() {
  let odoo: Awaited<ReturnType<typeof startTestEmulator>> | undefined;
  beforeAll(async () => {
    odoo = await startTestEmulator();
  });
  afterAll(() => odoo?.stop());
  beforeEach(async () => {
    await odoo!.admin("POST", "reset", {});
  });

  return {
    admin: (...args: Parameters<Awaited<ReturnType<typeof startTestEmulator>>["admin"]>) => odoo!.admin(...args),
    clientFor: (protocol: keyof typeof PROTOCOLS, overrides: Partial<TOdooClientConfig> = {}) =>
      new OdooClient({
        url: odoo!.url,
        db: "erp",
        timeoutMs: 5_000,
        maxConcurrency: 4,
        ...PROTOCOLS[protocol],
        ...overrides,
      }),
  };
}

export async function odooFailure(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OdooError);

  return error as OdooError;
}
