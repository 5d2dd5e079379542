import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";

type TLogContext = { correlationId: string };

const context = new AsyncLocalStorage<TLogContext>();

// JSON lines always; `npm run dev` and the stack runner pipe them through pino-pretty.
// Every line written inside runWithCorrelation() carries its correlation id.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.TRADEPOST_SERVICE ?? "app" },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "apiKey", "*.apiKey", "authorization", "*.authorization"],
    censor: "[redacted]",
  },
  mixin: () => {
    const store = context.getStore();

    return store ? { correlationId: store.correlationId } : {};
  },
});

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
