import "server-only";
import pLimit from "p-limit";
import { z } from "zod";
import { invalidResponse, OdooError } from "@/server/odoo/errors";
import { sendRequest, type TFetch } from "@/server/odoo/http";
import { json2Transport, jsonRpcTransport, type TOdooCall, type TTransport } from "@/server/odoo/transports";
import { logger } from "@/server/logger";
import { recordIntegrationCall } from "@/server/operations/record-integration-call";

// The operations console's hook: latency histograms and the integration-call log (never throws).
const recordOdooCall = ({ model, method }: TOdooCall, started: number, error?: string) =>
  recordIntegrationCall({
    system: "ODOO",
    target: model,
    method,
    ok: !error,
    error,
    durationMs: performance.now() - started,
  });

export type TOdooProtocol = "json2" | "jsonrpc" | "auto";

export type TOdooClientConfig = {
  url: string;
  db?: string;
  protocol: TOdooProtocol;
  apiKey?: string;
  login?: string;
  password?: string;
  timeoutMs: number;
  /** Calls in flight at once: Odoo handles a few orders per second per worker. */
  maxConcurrency: number;
  fetch?: TFetch;
};

export type TDomain = unknown[];
export type TSearchOptions = {
  domain?: TDomain;
  order?: string;
  limit?: number;
  offset?: number;
  context?: Record<string, unknown>;
};

const ZVersion = z.object({ version: z.string(), version_info: z.tuple([z.number()]).rest(z.unknown()) });
const ZIds = z.array(z.number().int());

/**
 * Talks to Odoo over JSON-2 (Odoo 19+) or JSON-RPC (older), chosen by configuration or,
 * with `auto`, by asking /web/version once. Every call has a deadline, at most
 * `maxConcurrency` run at once, and failures arrive as OdooError with a retryable flag.
 * The client never retries by itself: jobs decide (see the push/sync jobs).
 */
export class OdooClient {
  private transport: Promise<TTransport> | null = null;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly fetchImpl: TFetch;

  constructor(private readonly config: TOdooClientConfig) {
    this.limit = pLimit(config.maxConcurrency);
    this.fetchImpl = config.fetch ?? fetch;
  }

  /** GET /web/version: the server's version (no authentication). */
  async version(): Promise<{ version: string; major: number }> {
    const raw = await sendRequest(this.fetchImpl, `${this.config.url}/web/version`, {
      method: "GET",
      headers: {},
      timeoutMs: this.config.timeoutMs,
    });
    let body: unknown = null;
    try {
      body = JSON.parse(raw.text);
    } catch {
      // handled below
    }
    const parsed = ZVersion.safeParse(body);
    if (raw.status !== 200 || !parsed.success)
      throw invalidResponse(`/web/version answered HTTP ${raw.status} with no version`, {
        retryable: raw.status >= 500,
        status: raw.status,
      });

    return { version: parsed.data.version, major: parsed.data.version_info[0] };
  }

  /** The protocol in use (asks the server once when configured as `auto`). */
  async protocol(): Promise<"json2" | "jsonrpc"> {
    return (await this.getTransport()).protocol;
  }

  /** Calls any public model method; `schema` checks (and maps) what comes back. */
  async call<S extends z.ZodType>(call: TOdooCall, schema: S): Promise<z.infer<S>> {
    const transport = await this.getTransport();
    const started = performance.now();
    const log = { model: call.model, method: call.method, protocol: transport.protocol };
    try {
      const result = await this.limit(() => transport.call(call));
      const parsed = schema.safeParse(result);
      if (!parsed.success) {
        throw invalidResponse(
          `${call.model}.${call.method} returned an unexpected shape (${parsed.error.issues[0]?.message ?? "?"} at ${parsed.error.issues[0]?.path.join(".") || "root"})`,
          { retryable: false, status: 200 },
        );
      }
      logger.debug({ odoo: { ...log, durationMs: Math.round(performance.now() - started) } }, "odoo call");
      recordOdooCall(call, started);

      return parsed.data;
    } catch (error) {
      const failure =
        error instanceof OdooError
          ? error
          : invalidResponse(error instanceof Error ? error.message : String(error), { retryable: false, status: null });
      logger.warn(
        {
          odoo: {
            ...log,
            durationMs: Math.round(performance.now() - started),
            exception: failure.exception,
            retryable: failure.retryable,
          },
        },
        "odoo call failed",
      );
      recordOdooCall(call, started, `${failure.exception}: ${failure.message}`);
      throw failure;
    }
  }

  searchRead<S extends z.ZodType>(
    model: string,
    fields: string[],
    schema: S,
    options: TSearchOptions = {},
  ): Promise<z.infer<S>[]> {
    const { domain = [], context, ...paging } = options;

    return this.call({ model, method: "search_read", kwargs: { domain, fields, ...paging }, context }, z.array(schema));
  }

  read<S extends z.ZodType>(
    model: string,
    ids: number[],
    fields: string[],
    schema: S,
    context?: Record<string, unknown>,
  ): Promise<z.infer<S>[]> {
    return this.call({ model, method: "read", ids, kwargs: { fields }, context }, z.array(schema));
  }

  search(model: string, domain: TDomain, options: Omit<TSearchOptions, "domain"> = {}): Promise<number[]> {
    const { context, ...paging } = options;

    return this.call({ model, method: "search", kwargs: { domain, ...paging }, context }, ZIds);
  }

  searchCount(model: string, domain: TDomain = []): Promise<number> {
    return this.call({ model, method: "search_count", kwargs: { domain } }, z.number().int());
  }

  /** Creates one or several records; always the list of new ids. */
  create(
    model: string,
    values: Record<string, unknown> | Record<string, unknown>[],
    context?: Record<string, unknown>,
  ): Promise<number[]> {
    return this.call(
      { model, method: "create", kwargs: { vals_list: Array.isArray(values) ? values : [values] }, context },
      ZIds,
    );
  }

  write(
    model: string,
    ids: number[],
    values: Record<string, unknown>,
    context?: Record<string, unknown>,
  ): Promise<true> {
    return this.call({ model, method: "write", ids, kwargs: { vals: values }, context }, z.literal(true));
  }

  /** A business method on records (action_confirm, button_validate, action_apply_inventory …). */
  callMethod<S extends z.ZodType>(
    model: string,
    method: string,
    ids: number[],
    schema: S,
    options: { kwargs?: Record<string, unknown>; context?: Record<string, unknown> } = {},
  ): Promise<z.infer<S>> {
    return this.call({ model, method, ids, ...options }, schema);
  }

  private getTransport(): Promise<TTransport> {
    this.transport ??= this.chooseTransport().catch((error: unknown) => {
      this.transport = null;
      throw error;
    });

    return this.transport;
  }

  private async chooseTransport(): Promise<TTransport> {
    const protocol =
      this.config.protocol === "auto"
        ? (await this.version()).major >= 19
          ? "json2"
          : "jsonrpc"
        : this.config.protocol;
    const common = {
      url: this.config.url,
      db: this.config.db,
      timeoutMs: this.config.timeoutMs,
      fetch: this.fetchImpl,
    };
    if (protocol === "json2") {
      if (!this.config.apiKey) throw new OdooError("odoo", "Configuration", "JSON-2 needs ODOO_API_KEY", false);

      return json2Transport({ ...common, apiKey: this.config.apiKey });
    }
    const secret = this.config.password ?? this.config.apiKey;
    if (!this.config.login || !secret)
      throw new OdooError(
        "odoo",
        "Configuration",
        "JSON-RPC needs ODOO_LOGIN and ODOO_PASSWORD (or ODOO_API_KEY)",
        false,
      );
    if (!this.config.db) throw new OdooError("odoo", "Configuration", "JSON-RPC needs ODOO_DB", false);

    return jsonRpcTransport({ ...common, login: this.config.login, secret });
  }
}
