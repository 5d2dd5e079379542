import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pino, { type DestinationStream } from "pino";

type TLogContext = { correlationId: string };

const context = new AsyncLocalStorage<TLogContext>();

// JSON lines in production (LOG_FORMAT=json forces them anywhere); readable lines in
// development, through pino-pretty as a synchronous stream (no worker thread, which Next's
// server bundle would not carry). Every line written inside runWithCorrelation() carries
// its correlation id.
function prettyStream(): DestinationStream | undefined {
  if (process.env.NODE_ENV === "production" || process.env.LOG_FORMAT === "json") return undefined;
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (options: object) => DestinationStream;

    return pretty({
      colorize: Boolean(process.stdout.isTTY),
      sync: true,
      singleLine: true,
      ignore: "pid,hostname",
      translateTime: "SYS:HH:MM:ss.l",
    });
  } catch {
    return undefined; // pino-pretty is a dev dependency; without it, JSON it is.
  }
}

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: process.env.TRADEPOST_SERVICE ?? "app" },
    redact: {
      paths: [
        "password",
        "*.password",
        "passwordHash",
        "*.passwordHash",
        "apiKey",
        "*.apiKey",
        "authorization",
        "*.authorization",
      ],
      censor: "[redacted]",
    },
    mixin: () => {
      const store = context.getStore();

      return store ? { correlationId: store.correlationId } : {};
    },
  },
  prettyStream(),
);

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,80}$/;

/** Accepts a caller's correlation id when it is well-formed, otherwise makes one. */
export function correlationIdFrom(candidate: string | null | undefined): string {
  return candidate && CORRELATION_ID.test(candidate) ? candidate : randomUUID();
}

export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return context.run({ correlationId }, fn);
}

export function currentCorrelationId(): string | undefined {
  return context.getStore()?.correlationId;
}
