// The emulator's HTTP front: Odoo's routes, the admin API under /__emulator/, and fault
// injection around every RPC call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { handleAdmin } from "./admin";
import type { OdooEmulator } from "./emulator";
import { AccessError, OdooError, UserError, ValidationError } from "./errors";
import type { TFaultRule } from "./faults";
import { BAD_GATEWAY_PAGE, sendHtml, sendJson, SERVICE_UNAVAILABLE_PAGE } from "./http-responses";
import { handleJson2, type TJson2Call } from "./json2";
import { handleJsonRpc } from "./jsonrpc";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const ODOO_EXCEPTIONS = { ValidationError, UserError, AccessError };

/**
 * A call of an exclusive latency rule runs while no other one touches the same products — as
 * action_confirms on the same stock.quant rows do in Odoo (row locks). One that finds its rows
 * taken waits for them, backs off as Odoo's retry after a SerializationFailure does (up to 2 s,
 * holding nothing), then takes its turn. Products: the order lines' of the records called on.
 */
async function withRowLocks(
  emulator: OdooEmulator,
  fault: TFaultRule,
  call: TJson2Call,
  work: () => Promise<unknown>,
): Promise<unknown> {
  const ids = new Set(call.ids ?? []);
  const keys = [
    ...new Set(
      emulator.env
        .all("sale.order.line")
        .filter((line) => ids.has(Number(line.order_id)) && line.product_id)
        .map((line) => Number(line.product_id)),
    ),
  ];
  const locks = (fault.rowLocks ??= new Map<number, Promise<void>>());
  const taken = keys.flatMap((key) => locks.get(key) ?? []);
  if (taken.length) {
    await Promise.all(taken);
    await sleep(Math.random() * fault.conflictBackoffMs);
  }
  let release = () => undefined as void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const before = keys.flatMap((key) => locks.get(key) ?? []);
  for (const key of keys) locks.set(key, mine);
  await Promise.all(before);
  try {
    await sleep(fault.delayMs);

    return await work();
  } finally {
    for (const key of keys) if (locks.get(key) === mine) locks.delete(key);
    release();
  }
}

/** Applies an injected fault, if one matches, around the work of one RPC call. */
function faultRunner(emulator: OdooEmulator, res: ServerResponse) {
  return async (call: TJson2Call, work: () => Promise<unknown>): Promise<{ value: unknown } | "handled"> => {
    const fault = emulator.faults.pick(call.model, call.method);
    if (!fault) return { value: await work() };
    emulator.options.log(`INFO fault injection: ${fault.kind} on ${call.model}.${call.method}`);
    switch (fault.kind) {
      case "latency":
        if (fault.exclusive) return { value: await withRowLocks(emulator, fault, call, work) };
        await sleep(fault.delayMs);

        return { value: await work() };
      case "timeout":
        await sleep(fault.delayMs || 60_000);
        if (fault.commit) await work().catch(() => undefined);
        res.destroy();

        return "handled";
      case "commit_then_drop":
        await work();
        res.destroy();

        return "handled";
      default:
        if (fault.exception) throw ODOO_EXCEPTIONS[fault.exception](fault.message ?? "Injected fault.");
        if (fault.status === 503 || fault.status === 502) {
          sendHtml(res, fault.status, fault.status === 503 ? SERVICE_UNAVAILABLE_PAGE : BAD_GATEWAY_PAGE);

          return "handled";
        }
        if (fault.status === 429) {
          res
            .writeHead(429, { "Content-Type": "text/html; charset=utf-8", "Retry-After": "1" })
            .end("<h1>429 Too Many Requests</h1>");

          return "handled";
        }
        // What Odoo answers when two transactions collide on stock.quant in action_confirm.
        throw new OdooError(
          "psycopg2.errors.SerializationFailure",
          "could not serialize access due to concurrent update\n",
          500,
        );
    }
  };
}

export function createEmulatorServer(emulator: OdooEmulator): Server {
  return createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://localhost");
    res.on("finish", () =>
      emulator.options.log(
        `INFO odoo.http: ${req.method} ${url.pathname} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
      ),
    );
    try {
      if (!url.pathname.startsWith("/__emulator/") && emulator.faults.outage()) {
        req.socket.destroy();

        return;
      }
      const body = await readBody(req);
      if (url.pathname.startsWith("/__emulator/")) return await handleAdmin(emulator, req, res, url, body);
      if (url.pathname === "/web/version" && req.method === "GET")
        return sendJson(res, 200, { version_info: [19, 0, 0, "final", 0, ""], version: "19.0" });
      const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (json2)
        return await handleJson2(
          emulator,
          req,
          res,
          body,
          { model: decodeURIComponent(json2[1]!), method: decodeURIComponent(json2[2]!) },
          faultRunner(emulator, res),
        );
      if (url.pathname === "/jsonrpc" && req.method === "POST")
        return await handleJsonRpc(emulator, req, res, body, faultRunner(emulator, res));
      sendHtml(
        res,
        404,
        "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n",
      );
    } catch (error) {
      emulator.options.log(`ERROR emulator: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          name: "builtins.Exception",
          message: "internal emulator error",
          arguments: [],
          context: {},
          debug: "",
        });
    }
  });
}
