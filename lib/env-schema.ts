import { z } from "zod";

// The environment of the app and the worker. Secrets come only from here; every variable
// is checked at start (instrumentation.ts, worker entrypoint) and a bad one is named.

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+\/[^/?]+/, "must be a postgresql:// URL that names a database");
const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((url) => url.replace(/\/+$/, ""));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalText = z.string().trim().min(1).optional();
/** Comma-separated secrets (several at once while one is rotated out), each URL-safe and long enough. */
const secretList = (minLength: number) =>
  z.string().transform((value, ctx) => {
    const secrets = value
      .split(",")
      .map((secret) => secret.trim())
      .filter(Boolean);
    if (secrets.length === 0 || secrets.some((secret) => secret.length < minLength || !/^[\w.~-]+$/.test(secret))) {
      ctx.addIssue({
        code: "custom",
        message: `must be a comma-separated list of secrets of at least ${minLength} characters each (letters, digits, - _ . ~)`,
      });

      return z.NEVER;
    }

    return secrets;
  });

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    DATABASE_URL: postgresUrl,
    APP_URL: httpUrl,
    /** next-auth reads it for its own redirects; must equal APP_URL (the Secure cookie flag follows APP_URL). */
    NEXTAUTH_URL: httpUrl,
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),

    MEDUSA_URL: httpUrl,
    MEDUSA_PUBLISHABLE_KEY: z.string().startsWith("pk_", "must be a Medusa publishable key (pk_…)"),
    MEDUSA_SECRET_API_KEY: z.string().startsWith("sk_", "must be a Medusa secret API key (sk_…)"),
    MEDUSA_TIMEOUT_MS: positiveInt(15_000),

    /** The Strapi PIM (product descriptions, pictures, data sheets); unset: product pages show Medusa's text only. */
    STRAPI_URL: httpUrl.optional(),
    /** Where browsers load Strapi's media from, when not at STRAPI_URL (a CDN, a public host name). */
    STRAPI_PUBLIC_URL: httpUrl.optional(),
    /** A read-only Strapi API token (Settings › API Tokens). */
    STRAPI_API_TOKEN: optionalText,
    STRAPI_TIMEOUT_MS: positiveInt(3_000),
    /** How long a product's content is reused before Strapi is asked again (webhooks refresh it sooner). */
    STRAPI_CACHE_SECONDS: positiveInt(300),
    /** The value of the X-Tradepost-Webhook-Secret header Strapi's webhook sends; without it, deliveries are refused. */
    STRAPI_WEBHOOK_SECRET: z.string().min(24, "must be at least 24 characters").optional(),
    STRAPI_WEBHOOK_MAX_BYTES: positiveInt(1024 * 1024),
    STRAPI_WEBHOOK_DEDUPE_SECONDS: positiveInt(600),
    STRAPI_WEBHOOK_RATE_PER_SECOND: positiveInt(200),
    /** When the worker reconciles product content with Strapi (repairs lost webhooks): a cron expression, UTC. */
    STRAPI_RECONCILE_CRON: z
      .string()
      .trim()
      .regex(/^\S+( \S+){4}$/, "must be a five-field cron expression such as */5 * * * *")
      .default("*/5 * * * *"),

    ODOO_URL: httpUrl,
    ODOO_DB: optionalText,
    ODOO_PROTOCOL: z.enum(["json2", "jsonrpc", "auto"]).default("auto"),
    ODOO_API_KEY: optionalText,
    ODOO_LOGIN: optionalText,
    ODOO_PASSWORD: optionalText,
    ODOO_TIMEOUT_MS: positiveInt(15_000),
    ODOO_MAX_CONCURRENCY: positiveInt(2),

    PRICING_QUOTE_SECRET: z.string().min(32, "must be at least 32 characters: it signs price quotes"),
    PRICING_QUOTE_TTL_MINUTES: positiveInt(30),
    /** Maker–checker for publishing prices; unset means on in production, off otherwise. */
    PRICING_REQUIRE_APPROVAL: z.enum(["true", "false"]).optional(),

    /** Outgoing mail: smtp://[user:pass@]host:port (STARTTLS when offered) or smtps://… (TLS at once). */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)" })
      .optional(),
    /** The sender of every email: `name@example.com` or `Tradepost <name@example.com>`. */
    MAIL_FROM: z
      .string()
      .trim()
      .regex(
        /^(?:[^<>@\r\n]+<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/,
        "must be an address, e.g. Tradepost <no-reply@example.com>",
      )
      .optional(),

    LOGIN_MAX_FAILURES_PER_EMAIL: positiveInt(5),
    LOGIN_MAX_FAILURES_PER_IP: positiveInt(30),
    LOGIN_LOCKOUT_MINUTES: positiveInt(15),
    /** Lets a monitor read health details (latencies, versions, failure kinds) with `Authorization: Bearer …`. */
    HEALTH_DETAILS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
    /** How many proxies in front of the app append to X-Forwarded-For (the per-IP sign-in limit reads the address the outermost trusted one saw). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),

    /** Secrets in the Odoo webhook URL (/api/webhooks/odoo/<token>); without any, every delivery is refused. */
    ODOO_WEBHOOK_TOKENS: secretList(24).optional(),
    /** Set when a signing proxy in front of Odoo adds `X-Tradepost-Signature: sha256=<hex>` (HMAC of the body). */
    ODOO_WEBHOOK_HMAC_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ODOO_WEBHOOK_MAX_BYTES: positiveInt(256 * 1024),
    ODOO_WEBHOOK_DEDUPE_SECONDS: positiveInt(600),
    /** Deliveries per second accepted from Odoo, across all app instances (counted in PostgreSQL). */
    ODOO_WEBHOOK_RATE_PER_SECOND: positiveInt(1000),
    /** How many cached customers and products the hourly drift report checks against Odoo (0: all of them). */
    ERP_DRIFT_SAMPLE_SIZE: z.coerce.number().int().min(0).default(0),
    /** Order pushes one worker runs at once: at most Odoo's worker count (more makes Odoo slower). */
    ORDER_PUSH_CONCURRENCY: positiveInt(2),
    /** Retries of an order push: first delay, cap (exponential with jitter between), and how long to keep trying. */
    ORDER_PUSH_RETRY_DELAY_SECONDS: positiveInt(15),
    ORDER_PUSH_RETRY_MAX_DELAY_SECONDS: positiveInt(3600),
    ORDER_PUSH_RETRY_HORIZON_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(72),
    /**
     * How long a create Odoo did not answer (timeout, dropped connection, worker killed) may still
     * commit: Odoo's limit_time_real (120 s by default) plus a margin. No second create before then.
     */
    ORDER_PUSH_CREATE_SETTLE_SECONDS: positiveInt(180),

    /** `Authorization: Bearer …` for GET /api/metrics (Prometheus); unset: the endpoint answers 404. */
    METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
    /** The operations console turns red when a placed order has waited this long for its push to Odoo. */
    OPERATIONS_UNPUSHED_ALERT_MINUTES: positiveInt(15),
    /** How long each Odoo call stays in the integration-call log behind the order timeline. */
    OPERATIONS_CALL_RETENTION_DAYS: positiveInt(14),
    /** How long webhook deliveries stay in the inbox (those still waiting to be processed stay until they are). */
    OPERATIONS_INBOX_RETENTION_DAYS: positiveInt(30),
    /** How long the sync log keeps each run (runs a drift finding names stay). */
    OPERATIONS_SYNC_LOG_RETENTION_DAYS: positiveInt(90),
  })
  .superRefine((env, ctx) => {
    if (env.ORDER_PUSH_RETRY_MAX_DELAY_SECONDS < env.ORDER_PUSH_RETRY_DELAY_SECONDS)
      ctx.addIssue({
        code: "custom",
        path: ["ORDER_PUSH_RETRY_MAX_DELAY_SECONDS"],
        message: "must be at least ORDER_PUSH_RETRY_DELAY_SECONDS",
      });
    if (env.NEXTAUTH_URL !== env.APP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "must equal APP_URL (next-auth builds its redirects from it)",
      });
    }
    if (env.STRAPI_URL && !env.STRAPI_API_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["STRAPI_API_TOKEN"], message: "is required when STRAPI_URL is set" });
    }
    // Outside production a missing SMTP_URL writes emails to the log instead (server/mail/transport.ts).
    if (env.NODE_ENV === "production") {
      for (const name of ["SMTP_URL", "MAIL_FROM"] as const) {
        if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required in production" });
      }
    }
    const hasPassword = Boolean(env.ODOO_LOGIN && env.ODOO_PASSWORD);
    if (!env.ODOO_API_KEY && !hasPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["ODOO_API_KEY"],
        message: "is required (or ODOO_LOGIN and ODOO_PASSWORD for JSON-RPC)",
      });
    }
    if (env.ODOO_PROTOCOL === "json2" && !env.ODOO_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["ODOO_API_KEY"], message: "is required when ODOO_PROTOCOL=json2" });
    }
    if (env.ODOO_PROTOCOL === "jsonrpc") {
      if (!env.ODOO_LOGIN)
        ctx.addIssue({
          code: "custom",
          path: ["ODOO_LOGIN"],
          message: "is required when ODOO_PROTOCOL=jsonrpc (the user JSON-RPC logs in as)",
        });
      if (!env.ODOO_DB)
        ctx.addIssue({ code: "custom", path: ["ODOO_DB"], message: "is required when ODOO_PROTOCOL=jsonrpc" });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

/** Whether the app is served over https, so its cookies must be Secure (and next-auth's get the __Secure- prefix). */
export function usesSecureCookies(env: Pick<TEnv, "APP_URL">): boolean {
  return env.APP_URL.startsWith("https://");
}

/** Whether publishing a price list needs a second data manager's approval. */
export function requiresPricingApproval(env: Pick<TEnv, "NODE_ENV" | "PRICING_REQUIRE_APPROVAL">): boolean {
  return env.PRICING_REQUIRE_APPROVAL ? env.PRICING_REQUIRE_APPROVAL === "true" : env.NODE_ENV === "production";
}

/** The sender of every email; outside production a placeholder when MAIL_FROM is not set. */
export function mailFrom(env: Pick<TEnv, "MAIL_FROM">): string {
  return env.MAIL_FROM ?? "Tradepost <no-reply@tradepost.localhost>";
}

/** Parses an environment, throwing one error that names every bad variable (never its value). */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = ZEnv.safeParse(blanksRemoved);
  if (result.success) return result.data;

  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const message = blanksRemoved[name] === undefined && issue.code === "invalid_type" ? "is missing" : issue.message;

    return `  - ${name} ${message}`;
  });

  throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee README.md › Configuration.`);
}
