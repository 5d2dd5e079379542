import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  hasValidSignature,
  isJsonContentType,
  matchesAnyToken,
  parseOdooWebhook,
} from "@/server/integrations/odoo-webhook-request";

// Real Odoo 19 deliveries, recorded and kept with the emulator's contract fixtures.
const FIXTURES = path.resolve(import.meta.dirname, "../../stack/odoo-emulator/contract/fixtures/webhooks");
const TOKENS = ["tok_current_0123456789abcdefXYZ", "tok_previous_0123456789abcdefXY"];

describe("matchesAnyToken", () => {
  it.each([
    ["the current token", TOKENS[0]!, true],
    ["the previous token", TOKENS[1]!, true],
    ["a prefix of a token", TOKENS[0]!.slice(0, -1), false],
    ["a token with a character more", `${TOKENS[0]}x`, false],
    ["an empty token", "", false],
    ["a token in another case", TOKENS[0]!.toUpperCase(), false],
  ])("%s → %s", (_, candidate, expected) => {
    expect(matchesAnyToken(candidate, TOKENS)).toBe(expected);
  });

  it("matches nothing when no token is configured", () => {
    expect(matchesAnyToken("", [])).toBe(false);
    expect(matchesAnyToken(TOKENS[0]!, [])).toBe(false);
  });
});

describe("hasValidSignature", () => {
  const secret = "s".repeat(32);
  const body = new TextEncoder().encode('{"_id": 1, "_model": "res.partner", "id": 1}');
  const hex = createHmac("sha256", secret).update(body).digest("hex");

  it.each([
    [`sha256=${hex}`, true],
    [`sha256=${hex.toUpperCase()}`, true],
    [` sha256=${hex} `, true],
    [hex, false],
    [`sha1=${hex}`, false],
    [`sha256=${hex.slice(0, -2)}`, false],
    [`sha256=${hex.slice(0, -1)}0`.replace(/.$/, hex.endsWith("0") ? "1" : "0"), false],
    ["", false],
    [null, false],
  ])("%s → %s", (header, expected) => {
    expect(hasValidSignature(header, body, secret)).toBe(expected);
  });

  it("refuses the right signature of another body", () => {
    expect(hasValidSignature(`sha256=${hex}`, new TextEncoder().encode("{}"), secret)).toBe(false);
  });
});

describe("isJsonContentType", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON", true],
    ["text/plain", false],
    ["application/x-www-form-urlencoded", false],
    ["application/jsonp", false],
    [null, false],
  ])("%s → %s", (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe("parseOdooWebhook", () => {
  const fixtures = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json"))
    .map((name) => {
      const { request } = JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as {
        request: { body: Record<string, unknown>; body_raw: string };
      };

      return { name, body: request.body, raw: request.body_raw };
    });

  it("reads every recorded Odoo 19 delivery: model, id and a dedupe key with its write_date if it has one", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    for (const { name, body, raw } of fixtures) {
      const version = typeof body.write_date === "string" ? body.write_date : "sha256:";
      expect(parseOdooWebhook(raw), name).toEqual({
        ok: true,
        webhook: {
          model: body._model,
          id: body.id,
          dedupeKey: expect.stringMatching(`^odoo:${String(body._model)}:${String(body.id)}:${version}`),
        },
      });
    }
    // The picking rule sends no write_date: that delivery is deduplicated on its body.
    expect(fixtures.filter(({ body }) => body.write_date === undefined).map(({ name }) => name)).toEqual([
      "194-wh-picking-validate-3-stock.picking.json",
    ]);
  });

  it("falls back to a hash of the body without write_date (or with write_date false)", () => {
    const a = parseOdooWebhook('{"_id": 4, "_model": "stock.quant", "id": 4, "quantity": 3.0}');
    const b = parseOdooWebhook('{"_id": 4, "_model": "stock.quant", "id": 4, "quantity": 2.0}');
    const c = parseOdooWebhook('{"_model": "stock.quant", "id": 4, "write_date": false}');
    const keys = [a, b, c].map((parsed) => (parsed.ok ? parsed.webhook.dedupeKey : parsed.message));
    for (const key of keys) expect(key).toMatch(/^odoo:stock\.quant:4:sha256:[0-9a-f]{64}$/);
    expect(new Set(keys).size).toBe(3);
  });

  it("takes the id from `_id` alone", () => {
    expect(parseOdooWebhook('{"_id": 9, "_model": "sale.order"}')).toMatchObject({
      ok: true,
      webhook: { model: "sale.order", id: 9 },
    });
  });

  it.each([
    ["not JSON", "{_model: res.partner}", /not valid JSON/],
    ["a JSON string", '"res.partner"', /Not an Odoo webhook/],
    ["null", "null", /Not an Odoo webhook/],
    ["no _model", '{"id": 1}', /`_model` is required/],
    ["a numeric _model", '{"_model": 5, "id": 1}', /`_model` must be a string/],
    ["a _model that is not a model name", '{"_model": "res.partner; drop", "id": 1}', /`_model` must be an Odoo model/],
    ["no id", '{"_model": "res.partner"}', /`id` is required/],
    ["id 0", '{"_model": "res.partner", "id": 0}', /`id`/],
    ["a fractional id", '{"_model": "res.partner", "id": 1.5}', /`id`/],
    ["an id as a string", '{"_model": "res.partner", "id": "1"}', /`id`/],
    ["_id and id that differ", '{"_id": 1, "_model": "res.partner", "id": 2}', /`id` must equal `_id`/],
    [
      "a write_date too long to be one",
      `{"_model": "res.partner", "id": 1, "write_date": "${"9".repeat(41)}"}`,
      /write_date/,
    ],
  ])("refuses %s", (_, text, message) => {
    const parsed = parseOdooWebhook(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});
