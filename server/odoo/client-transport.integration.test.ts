// The Odoo client's transport against the emulator and a dead port: network errors, timeouts,
// concurrency, protocol detection, answers that are not Odoo's — each with its retryable flag.
import { describe, expect, it, vi } from "vitest";
import { odooFailure, useOdooClientEmulator } from "../../test/support/odoo-client-emulator";
import { EMULATOR_API_KEY } from "../../test/support/odoo-emulator";
import { OdooClient } from "@/server/odoo/client";
import { logger } from "@/server/logger";

const odoo = useOdooClientEmulator();
const { clientFor } = odoo;
const failure = odooFailure;

describe("transport failures", () => {
  it("reports an unreachable Odoo as a retryable network error", async () => {
    const error = await failure(
      new OdooClient({
        url: "http://127.0.0.1:9",
        db: "erp",
        protocol: "json2",
        apiKey: "k",
        timeoutMs: 2_000,
        maxConcurrency: 1,
      }).searchCount("res.partner"),
    );
    expect(error).toMatchObject({ kind: "network", retryable: true });
  });

  it("never lets more than maxConcurrency calls run at once", async () => {
    await odoo.admin("POST", "faults", { kind: "latency", delayMs: 150, model: "res.partner", method: "search" });
    let inFlight = 0;
    let most = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const client = clientFor("json2", { maxConcurrency: 2, fetch: countingFetch });
    const started = performance.now();

    const results = await Promise.all(Array.from({ length: 6 }, () => client.search("res.partner", [["id", "=", 1]])));

    expect(results).toEqual(Array(6).fill([1]));
    expect(most).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 150 - 20);
  });

  it("picks JSON-2 for Odoo 19 and JSON-RPC for older servers when the protocol is auto", async () => {
    expect(await clientFor("json2", { protocol: "auto" }).protocol()).toBe("json2");
    const odoo17: typeof fetch = async (input) =>
      String(input).endsWith("/web/version")
        ? Response.json({ version_info: [17, 0, 0, "final", 0, ""], version: "17.0" })
        : new Response("unexpected", { status: 500 });
    expect(
      await new OdooClient({
        url: "http://odoo17.test",
        db: "erp",
        protocol: "auto",
        login: "admin",
        password: "admin",
        timeoutMs: 1_000,
        maxConcurrency: 1,
        fetch: odoo17,
      }).protocol(),
    ).toBe("jsonrpc");
  });

  it.each([
    [
      "an HTML page with status 200",
      () => new Response("<html>maintenance</html>", { headers: { "content-type": "text/html" } }),
      "invalid_response",
      true,
    ],
    [
      "invalid JSON",
      () => new Response("{ nope", { headers: { "content-type": "application/json" } }),
      "invalid_response",
      true,
    ],
    ["an unexpected shape", () => Response.json({ surprise: true }), "invalid_response", false],
    [
      "an HTML 500 page",
      () => new Response("<h1>Internal Server Error</h1>", { status: 500, headers: { "content-type": "text/html" } }),
      "http",
      true,
    ],
    [
      "an HTML 401 page",
      () => new Response("<h1>Unauthorized</h1>", { status: 401, headers: { "content-type": "text/html" } }),
      "http",
      false,
    ],
  ])("turns %s into a typed error", async (_label, respond, kind, retryable) => {
    const client = new OdooClient({
      url: "http://broken-odoo.test",
      db: "erp",
      protocol: "json2",
      apiKey: "k",
      timeoutMs: 1_000,
      maxConcurrency: 1,
      fetch: async () => respond(),
    });
    expect(await failure(client.search("res.partner", []))).toMatchObject({ kind, retryable });
  });

  it("turns a JSON-RPC answer without an envelope into a typed error", async () => {
    const client = new OdooClient({
      url: "http://broken-odoo.test",
      db: "erp",
      protocol: "jsonrpc",
      login: "admin",
      password: "admin",
      timeoutMs: 1_000,
      maxConcurrency: 1,
      fetch: async () => Response.json({ hello: "world" }),
    });
    expect(await failure(client.search("res.partner", []))).toMatchObject({ kind: "invalid_response" });
  });

  it("logs model, method and duration of a failed call, never the API key", async () => {
    const warn = vi.spyOn(logger, "warn");
    try {
      await failure(clientFor("json2").write("sale.order", [424_242], { note: "x" }));
      const logged = JSON.stringify(warn.mock.calls);
      expect(logged).toContain('"model":"sale.order"');
      expect(logged).toContain('"method":"write"');
      expect(logged).toContain("durationMs");
      expect(logged).toContain("MissingError");
      expect(logged).not.toContain(EMULATOR_API_KEY);
    } finally {
      warn.mockRestore();
    }
  });
});
