// callMedusa against a misbehaving backend, through the real js-sdk: every failure becomes
// an error a page can explain, and a Medusa that accepts connections but never answers is
// cut off after MEDUSA_TIMEOUT_MS instead of holding the buyer's page forever.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Medusa from "@medusajs/js-sdk";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMedusa } from "@/server/medusa/call";

process.env.MEDUSA_TIMEOUT_MS = "500";

let server: Server;
let sdk: Medusa;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith("/store/products/hang")) return; // never answers
    const [status, body] = request.url?.startsWith("/store/products/missing")
      ? [404, { message: "Product not found" }]
      : request.url?.startsWith("/store/products/broken")
        ? [500, { message: "boom" }]
        : [200, { product: { id: 42 } }];
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sdk = new Medusa({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publishableKey: "pk_test",
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  });
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const ZProduct = z.object({ product: z.object({ id: z.string() }) });

describe("callMedusa", () => {
  it("gives up on a backend that does not answer, with a message for the buyer", async () => {
    const started = Date.now();
    await expect(callMedusa("hang", ZProduct, () => sdk.store.product.retrieve("hang"))).rejects.toMatchObject({
      code: "UPSTREAM_FAILED",
      message: "The commerce backend is too slow to answer right now. Please try again in a moment.",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("turns a 404 into NOT_FOUND, an error status and an unexpected shape into UPSTREAM_FAILED", async () => {
    await expect(callMedusa("missing", ZProduct, () => sdk.store.product.retrieve("missing"))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callMedusa("broken", ZProduct, () => sdk.store.product.retrieve("broken"))).rejects.toMatchObject({
      code: "UPSTREAM_FAILED",
      message: "The commerce backend is not answering right now. Please try again in a moment.",
    });
    await expect(callMedusa("shape", ZProduct, () => sdk.store.product.retrieve("other"))).rejects.toMatchObject({
      code: "UPSTREAM_FAILED",
      message: "The commerce backend sent an unexpected answer.",
    });
  });
});
