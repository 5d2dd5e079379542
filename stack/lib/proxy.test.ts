import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startProxy, type TProxy } from "./proxy";

// Two real HTTP servers stand in for app instances; each answers with its name, what it was sent
// and two cookies, so the test sees where a request went and what the proxy changed on the way.
const closers: (() => Promise<void>)[] = [];

async function upstream(name: string): Promise<number> {
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      response.setHeader("set-cookie", [`a=${name}`, "b=2"]);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ name, body, method: request.method, url: request.url, headers: request.headers }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));

  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));

  return port;
}

async function started(upstreams: number[]): Promise<TProxy> {
  const proxy = await startProxy({ port: 0, upstreams });
  closers.push(proxy.close);

  return proxy;
}

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe("the scale-out proxy", () => {
  it("hands requests to the instances in turn, keeping Host and appending the client to X-Forwarded-For", async () => {
    const proxy = await started([await upstream("one"), await upstream("two")]);
    const names: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await fetch(`${proxy.url}/orders?page=${index}`, {
        headers: { "x-forwarded-for": "203.0.113.9", connection: "keep-alive" },
      });
      const answer = (await response.json()) as { name: string; url: string; headers: Record<string, string> };
      names.push(answer.name);
      expect(answer.url).toBe(`/orders?page=${index}`);
      expect(answer.headers.host).toBe(new URL(proxy.url).host);
      expect(answer.headers["x-forwarded-host"]).toBe(new URL(proxy.url).host);
      expect(answer.headers["x-forwarded-for"]).toMatch(
        /^203\.0\.113\.9, (::ffff:)?127\.0\.0\.1$|^203\.0\.113\.9, ::1$/,
      );
      expect(response.headers.getSetCookie()).toEqual([`a=${answer.name}`, "b=2"]);
    }
    expect(names).toEqual(["one", "two", "one", "two"]);
    expect(proxy.served).toEqual([2, 2]);
  });

  it("streams a request body through unchanged", async () => {
    const proxy = await started([await upstream("one")]);
    const body = "x".repeat(200_000);
    const response = await fetch(`${proxy.url}/api/webhooks/odoo/token`, { method: "POST", body });
    const answer = (await response.json()) as { body: string; method: string };
    expect(answer).toMatchObject({ method: "POST" });
    expect(answer.body).toBe(body);
  });

  it("answers 502 naming the instance when it is down, and keeps serving the others", async () => {
    const down = await freePort();
    const proxy = await started([down, await upstream("two")]);
    const first = await fetch(`${proxy.url}/`);
    expect(first.status).toBe(502);
    expect(await first.text()).toContain(`port ${down}`);
    const second = await fetch(`${proxy.url}/`);
    expect(((await second.json()) as { name: string }).name).toBe("two");
  });
});
