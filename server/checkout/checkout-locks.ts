import "server-only";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { IDLE_CONNECTION_MS } from "@/server/db";
import { getEnv } from "@/server/env";

// A checkout that must respect a limit holds a lock from reading what already counts against the
// limit to its order (or approval request) being recorded. Without it two checkouts that each fit
// read the same figures and both place: the first only counts once recorded, after Medusa
// completed it.
// - An organisation with a credit limit: one checkout of the organisation at a time (open orders
//   not yet invoiced count against its credit, whoever placed them). This also keeps each of its
//   buyers' checkouts apart, so a buyer's spending limit needs nothing more.
// - Otherwise a buyer with a spending limit: one checkout of that buyer at a time. Keyed per buyer,
//   not per period: a buyer's checkouts are almost always in the same period, and serialising the
//   rare pair across a boundary costs one wait.
// The lock is a PostgreSQL session advisory lock on a connection of its own, because it is held
// across the Medusa call, which must never run inside a transaction of the app's pool; a process
// that dies loses the connection and PostgreSQL releases the lock with it.

// Two-key advisory locks: (namespace, hashtext(id)); the namespaces are arbitrary constants of ours.
const BUYER_NAMESPACE = 0x5450_4302; // "TPC" 2: spending of one buyer
const ORGANISATION_NAMESPACE = 0x5450_4303; // "TPC" 3: credit of one organisation
const LOCK_NOT_AVAILABLE = "55P03";

let pool: pg.Pool | undefined;

function getPool(): pg.Pool {
  if (pool) return pool;
  // A connection per limited checkout in flight (held during the Medusa call), opened on demand.
  // Beyond this many at once in one process the next waits for one: PostgreSQL's 100 connections
  // are shared with the Prisma pool (10), pg-boss (5), the worker, Medusa and Strapi.
  const url = getEnv().DATABASE_URL;
  // lock_timeout travels in the connection's startup packet (no extra round trip before a lock),
  // after any options the URL itself carries.
  const urlOptions = new URL(url).searchParams.get("options");
  pool = new pg.Pool({
    connectionString: url,
    options: [urlOptions, "-c lock_timeout=30s"].filter(Boolean).join(" "),
    max: 25,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server: the pool replaces it; a holder sees its own error.
  pool.on("error", () => undefined);

  return pool;
}

export type TCheckoutLock = {
  /** Lets the next checkout in; runs in the background (the caller need not wait for it). */
  release: () => void;
};

async function takeLock(namespace: number, id: string, busy: string): Promise<TCheckoutLock> {
  const client = await getPool().connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::int, hashtext($2))", [namespace, id]);
  } catch (error) {
    // Not holding it: a connection in doubt is closed rather than pooled.
    client.release(error instanceof Error ? error : true);
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new AppError("CONFLICT", busy);
    throw error;
  }
  let released = false;

  return {
    release: () => {
      if (released) return;
      released = true;
      // A connection whose unlock failed is closed: closing releases whatever it held.
      client.query("SELECT pg_advisory_unlock_all()").then(
        () => client.release(),
        (error: Error) => client.release(error),
      );
    },
  };
}

/**
 * Takes the lock the checkout's limits need (see above), or none: a second checkout under the same
 * lock waits here until the first has recorded its order and released it, then reads that order
 * among what counts. CONFLICT when the holder keeps it over 30 s. Every lock taken must be released.
 */
export function lockCheckoutLimits(limits: {
  organisationId: string;
  buyerId: string;
  creditLimited: boolean;
  spendingLimited: boolean;
}): Promise<TCheckoutLock | null> {
  if (limits.creditLimited)
    return takeLock(
      ORGANISATION_NAMESPACE,
      limits.organisationId,
      "Another checkout of your organisation is still being placed; please try again in a moment.",
    );
  if (limits.spendingLimited)
    return takeLock(
      BUYER_NAMESPACE,
      limits.buyerId,
      "Another of your checkouts is still being placed; please try again in a moment.",
    );

  return Promise.resolve(null);
}

/** Closes the lock connections (tests and scripts that exit). */
export async function closeCheckoutLocks(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}
