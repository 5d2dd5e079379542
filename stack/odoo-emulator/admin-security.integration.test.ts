// The admin API (/__emulator/*) can reset Odoo's data and act as any user, so it answers only
// a local caller with the admin token, takes bodies only as JSON, and never shows secrets.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_ADMIN_TOKEN, EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";

const ADMIN_PASSWORD = "Very-Secret-Admin-Pass-1";
let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
let withoutToken: Awaited<ReturnType<typeof startTestEmulator>>;

beforeAll(async () => {
  odoo = await startTestEmulator({ adminPassword: ADMIN_PASSWORD });
  withoutToken = await startTestEmulator({ adminToken: undefined });
});
afterAll(async () => {
  await odoo.stop();
  await withoutToken.stop();
});

/** A raw request, so the Host header can be what a DNS-rebinding page would send. */
function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(`/__emulator/${path}`, baseUrl);

  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const bearer = { Authorization: `Bearer ${EMULATOR_ADMIN_TOKEN}` };
const json = { "Content-Type": "application/json" };
const resetBody = JSON.stringify({});
const partnerCount = () => odoo.emulator.env.all("res.partner").length;

describe("the admin API", () => {
  it("refuses a request without the admin token, or with a wrong one, and changes nothing", async () => {
    await odoo.admin("POST", "actions/partner", { id: 1, values: { city: "Kept City" } });
    for (const headers of [
      json,
      { ...json, Authorization: "Bearer not-the-token" },
      { ...json, Authorization: EMULATOR_ADMIN_TOKEN },
    ]) {
      const answer = await send(odoo.url, "POST", "reset", headers, resetBody);
      expect(answer.status).toBe(401);
      expect(answer.body).toContain("Authorization: Bearer");
    }
    expect(odoo.emulator.env.get("res.partner", 1)?.city).toBe("Kept City");
  });

  it("refuses a body that is not sent as application/json (a cross-site form or text/plain POST)", async () => {
    const before = partnerCount();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const answer = await send(
        odoo.url,
        "POST",
        "actions/partner",
        { ...bearer, "Content-Type": type },
        JSON.stringify({ id: 1, values: { city: "Forged" } }),
      );
      expect(answer.status).toBe(415);
    }
    expect(
      (await send(odoo.url, "POST", "actions/partner", bearer, JSON.stringify({ id: 1, values: { city: "Forged" } })))
        .status,
    ).toBe(415);
    expect(odoo.emulator.env.get("res.partner", 1)?.city).not.toBe("Forged");
    expect(partnerCount()).toBe(before);
  });

  it.each(["evil.example", "evil.example:8069", "localhost.evil.example", "127.0.0.1.nip.io:80", "192.168.1.20:8069"])(
    "refuses a request for Host %s (DNS rebinding)",
    async (host) => {
      const answer = await send(odoo.url, "GET", "state", { ...bearer, Host: host });
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain("res.partner");
    },
  );

  it.each(["localhost", "localhost:8069", "127.0.0.1:1234", "[::1]:8069", "LOCALHOST"])(
    "answers a local Host %s with the token",
    async (host) => {
      const answer = await send(odoo.url, "GET", "health", { ...bearer, Host: host });
      expect(answer).toEqual({ status: 200, body: '{"ok": true}' });
    },
  );

  it("never returns passwords or API keys in the state", async () => {
    const answer = await send(odoo.url, "GET", "state", bearer);
    expect(answer.status).toBe(200);
    const state = JSON.parse(answer.body) as Record<string, unknown>;
    expect(Object.keys(state).sort()).toEqual(["clock", "nextIds", "records", "sequences"]);
    expect(answer.body).not.toContain(EMULATOR_API_KEY);
    expect(answer.body).not.toContain(ADMIN_PASSWORD);
    const users = await send(odoo.url, "GET", "state?model=res.users", bearer);
    expect(users.body).not.toContain(EMULATOR_API_KEY);
    expect(users.body).not.toContain(ADMIN_PASSWORD);
  });

  it("is disabled when the emulator was started without a token", async () => {
    const answer = await send(withoutToken.url, "POST", "reset", { ...json, Authorization: "Bearer " }, resetBody);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("--admin-token");
  });
});
