import "server-only";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/server/env";

// One checkout at a time per buyer with a spending limit, from reading what they spent in the
// period to the order (or approval request) being recorded. Without it two checkouts that each fit
// under the limit read the same spend and both place: the first is only counted once recorded,
// after Medusa completed it. The lock is a PostgreSQL session advisory lock on a connection of its
// own, because it is held across the Medusa call, which must never run inside a transaction of the
// app's pool; a process that dies loses the connection and PostgreSQL releases the lock with it.
// Keyed per buyer, not per period: a buyer's checkouts are almost always in the same period, and
// serialising the rare pair across a boundary costs one wait.

const NAMESPACE = 0x5450_4302; // "TPC" 2: spending of one buyer (an arbitrary constant of ours)
const LOCK_NOT_AVAILABLE = "55P03";

let pool: pg.Pool | undefined;

function getPool(): pg.Pool {
  if (pool) return pool;
  // A connection per checkout of a limited buyer in flight (held during the Medusa call), opened
  // on demand. Beyond this many at once in one process the next waits for one: PostgreSQL's 100
  // connections are shared with the Prisma pool (10), pg-boss (5), the worker, Medusa and Strapi.
  const url = getEnv().DATABASE_URL;
  // lock_timeout travels in the connection's startup packet (no extra round trip before a lock),
  // after any options the URL itself carries.
  const urlOptions = new URL(url).searchParams.get("options");
  pool = new pg.Pool({
    connectionString: url,
    options: [urlOptions, "-c lock_timeout=30s"].filter(Boolean).join(" "),
    max: 25,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server: the pool replaces it; a holder sees its own error.
  pool.on("error", () => undefined);

  return pool;
}

export type TBuyerSpendingLock = {
  /** Lets the buyer's next checkout in; runs in the background (the caller need not wait for it). */
  release: () => void;
};

/**
 * Takes the buyer's spending lock: a second checkout of the same buyer waits here until the first
 * has recorded its order and released it (then reads that spend). CONFLICT when another checkout of
 * the buyer holds it for over 30 s. Every lock taken must be released.
 */
export async function lockBuyerSpending(buyerId: string): Promise<TBuyerSpendingLock> {
  const client = await getPool().connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::int, hashtext($2))", [NAMESPACE, buyerId]);
  } catch (error) {
    // Not holding it: a connection in doubt is closed rather than pooled.
    client.release(error instanceof Error ? error : true);
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE)
      throw new AppError("CONFLICT", "Another of your checkouts is still being placed; please try again in a moment.");
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

/** Closes the lock connections (tests and scripts that exit). */
export async function closeBuyerSpendingLocks(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}
