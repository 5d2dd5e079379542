import "server-only";
import { z } from "zod";
import { httpFailure, invalidResponse, odooException, OdooError } from "@/server/odoo/errors";
import { sendRequest, type TFetch, type TRawResponse } from "@/server/odoo/http";

// The two ways to call a model method. Both take the same call (ids + keyword arguments)
// and give back the bare result or an OdooError.

export type TOdooCall = {
  model: string;
  method: string;
  ids?: number[];
  kwargs?: Record<string, unknown>;
  context?: Record<string, unknown>;
};

export type TTransportConfig = { url: string; db?: string; timeoutMs: number; fetch: TFetch };

export type TTransport = { protocol: "json2" | "jsonrpc"; call(call: TOdooCall): Promise<unknown> };

const ZOdooErrorBody = z.object({ name: z.string(), message: z.string() });
const ZRpcEnvelope = z.union([
  z.object({
    jsonrpc: z.literal("2.0"),
    error: z.object({ code: z.number().optional(), message: z.string().optional(), data: ZOdooErrorBody }),
  }),
  z.object({ jsonrpc: z.literal("2.0"), result: z.unknown().optional() }),
]);

function parseJson(raw: TRawResponse): unknown {
  if (!/json/i.test(raw.contentType)) {
    throw raw.status >= 400
      ? httpFailure(raw.status, firstLine(raw.text))
      : invalidResponse(`expected JSON, got ${raw.contentType || "no content type"}`, {
          retryable: true,
          status: raw.status,
        });
  }
  try {
    return JSON.parse(raw.text);
  } catch {
    throw invalidResponse("the body is not valid JSON", { retryable: true, status: raw.status });
  }
}

function firstLine(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
}

/** Odoo 19's JSON-2: POST /json/2/<model>/<method>, bearer API key, keyword arguments. */
export function json2Transport(config: TTransportConfig & { apiKey: string }): TTransport {
  return {
    protocol: "json2",
    async call({ model, method, ids, kwargs = {}, context }) {
      const body = { ...(ids ? { ids } : {}), ...kwargs, ...(context ? { context } : {}) };
      const raw = await sendRequest(
        config.fetch,
        `${config.url}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`,
        {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Authorization: `bearer ${config.apiKey}`,
            ...(config.db ? { "X-Odoo-Database": config.db } : {}),
          },
          body: JSON.stringify(body),
          timeoutMs: config.timeoutMs,
        },
      );
      if (raw.status === 200) return parseJson(raw);
      const parsed = ZOdooErrorBody.safeParse(/json/i.test(raw.contentType) ? safeJson(raw.text) : null);
      if (parsed.success)
        throw odooException({ exception: parsed.data.name, message: parsed.data.message, status: raw.status });
      throw httpFailure(raw.status, firstLine(raw.text));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Classic JSON-RPC (Odoo ≤ 18; deprecated in 19): common.authenticate, then object.execute_kw. */
export function jsonRpcTransport(config: TTransportConfig & { login: string; secret: string }): TTransport {
  let uid: Promise<number> | null = null;
  let nextId = 1;

  async function rpc(service: string, method: string, args: unknown[]): Promise<unknown> {
    const raw = await sendRequest(config.fetch, `${config.url}/jsonrpc`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: nextId++, params: { service, method, args } }),
      timeoutMs: config.timeoutMs,
    });
    if (raw.status !== 200)
      throw /json/i.test(raw.contentType)
        ? invalidResponse(`HTTP ${raw.status}`, { retryable: raw.status >= 500, status: raw.status })
        : httpFailure(raw.status, firstLine(raw.text));
    const envelope = ZRpcEnvelope.safeParse(parseJson(raw));
    if (!envelope.success)
      throw invalidResponse("not a JSON-RPC 2.0 response", { retryable: false, status: raw.status });
    if ("error" in envelope.data)
      throw odooException({
        exception: envelope.data.error.data.name,
        message: envelope.data.error.data.message,
        status: 200,
      });

    // A method that returns None answers with no `result` key at all.
    return "result" in envelope.data ? envelope.data.result : null;
  }

  async function authenticate(): Promise<number> {
    const result = await rpc("common", "authenticate", [config.db ?? "", config.login, config.secret, {}]);
    if (typeof result !== "number")
      throw new OdooError(
        "odoo",
        "odoo.exceptions.AccessDenied",
        "Odoo refused the login (wrong ODOO_LOGIN or password/API key)",
        false,
        200,
      );

    return result;
  }

  return {
    protocol: "jsonrpc",
    async call({ model, method, ids, kwargs = {}, context }) {
      uid ??= authenticate().catch((error: unknown) => {
        uid = null;
        throw error;
      });
      const userId = await uid;
      const { positional, keywords } = executeKwArguments({ model, method, ids, kwargs });
      const args = [
        config.db ?? "",
        userId,
        config.secret,
        model,
        method,
        positional,
        { ...keywords, ...(context ? { context } : {}) },
      ];
      try {
        return await rpc("object", "execute_kw", args);
      } catch (error) {
        // A changed password or revoked key: log in again on the next call.
        if (error instanceof OdooError && error.exceptionName === "AccessDenied") uid = null;
        throw error;
      }
    },
  };
}

/**
 * The leading parameters Odoo's external API documentation passes positionally over
 * execute_kw. `create` must be: Odoo 19 runs `create(vals_list=…)` and then fails with
 * IndexError reading `args[0]`. A record method's ids always come first.
 */
const POSITIONAL: Record<string, string[]> = {
  create: ["vals_list"],
  write: ["vals"],
  search: ["domain"],
  search_read: ["domain"],
  search_count: ["domain"],
};

export function executeKwArguments({ method, ids, kwargs = {} }: TOdooCall): {
  positional: unknown[];
  keywords: Record<string, unknown>;
} {
  const keywords = { ...kwargs };
  const positional: unknown[] = ids ? [ids] : [];
  for (const name of POSITIONAL[method] ?? []) {
    if (!(name in keywords)) break;
    positional.push(keywords[name]);
    delete keywords[name];
  }

  return { positional, keywords };
}
