// The faults the order push is tested against that go beyond dropping a call: a timed-out call
// that Odoo still commits, and confirms that collide on the same products (one at a time, the
// colliding one backing off, as Odoo's row locks and its retry after a SerializationFailure do).
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { z } from "zod";
import { OdooClient } from "../../server/odoo/client";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
const client = (timeoutMs = 3_000) =>
  new OdooClient({
    url: odoo.url,
    db: "erp",
    protocol: "json2",
    apiKey: EMULATOR_API_KEY,
    timeoutMs,
    maxConcurrency: 8,
  });

beforeAll(async () => {
  odoo = await startTestEmulator();
});
afterAll(() => odoo.stop());
beforeEach(async () => {
  await odoo.admin("POST", "reset", {});
});

it("a timeout with commit: the caller gives up, and Odoo creates the record after all", async () => {
  await odoo.admin("POST", "faults", {
    kind: "timeout",
    model: "res.partner",
    method: "create",
    delayMs: 400,
    commit: true,
  });
  const error = await client(150)
    .create("res.partner", { name: "Late Ltd", ref: "LATE-1" })
    .catch((caught: unknown) => caught);

  expect(error).toMatchObject({ kind: "timeout", retryable: true });
  expect(await client().search("res.partner", [["ref", "=", "LATE-1"]])).toEqual([]);
  await sleep(400);
  expect(await client().search("res.partner", [["ref", "=", "LATE-1"]])).toHaveLength(1);
});

const shared = () => (sharedClient ??= client());
let sharedClient: OdooClient | undefined;

async function quotation(productIds: number[]): Promise<number> {
  const lines = productIds.map((product_id) => [0, 0, { product_id, product_uom_qty: 1, price_unit: 10 }]);
  const [id] = await shared().create("sale.order", { partner_id: 1, order_line: lines });

  return id!;
}

it("exclusive confirms: orders sharing a product are confirmed one after the other, with a backoff; others side by side", async () => {
  const products = await Promise.all(
    ["A", "B", "C"].map(
      async (code) => (await client().create("product.product", { name: code, default_code: code }))[0]!,
    ),
  );
  const [a, b, c] = products as [number, number, number];
  // The first confirm of a fresh process pays for loading the stock code: not part of the timing.
  await shared().callMethod("sale.order", "action_confirm", [await quotation([a])], z.unknown());
  await odoo.admin("POST", "faults", {
    kind: "latency",
    model: "sale.order",
    method: "action_confirm",
    delayMs: 300,
    exclusive: true,
    conflictBackoffMs: 400,
  });
  const confirm = async (id: number) => {
    const started = performance.now();
    await shared().callMethod("sale.order", "action_confirm", [id], z.unknown());

    return performance.now() - started;
  };

  const [one, two] = [await quotation([a, b]), await quotation([b, c])];
  const [first, second] = await Promise.all([confirm(one), confirm(two)]);
  expect(Math.min(first, second)).toBeLessThan(450);
  expect(Math.max(first, second)).toBeGreaterThanOrEqual(590);

  const [three, four] = [await quotation([a]), await quotation([c])];
  const [x, y] = await Promise.all([confirm(three), confirm(four)]);
  expect(Math.max(x, y)).toBeLessThan(450);
  const states = odoo.emulator.env.all("sale.order").map((order) => order.state);
  expect(states).toEqual(["sale", "sale", "sale", "sale", "sale"]);
});
