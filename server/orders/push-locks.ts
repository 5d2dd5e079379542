import "server-only";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/server/env";

// PostgreSQL session advisory locks for the order push, on connections of their own: a push
// holds them across Odoo calls, which must never run inside a transaction of the app's pool.
// A worker that dies loses its connection, and PostgreSQL releases its locks with it — no
// lease to expire, no lock left behind by a SIGKILL.

// Two-key advisory locks: (namespace, id). The namespaces are arbitrary constants of ours.
const ORDER_NAMESPACE = 0x5450_4f01; // "TPO" 1: one push per order at a time
const PRODUCT_NAMESPACE = 0x5450_4f02; // "TPO" 2: one confirm per Odoo product at a time
const LOCK_TIMEOUT = "120s";
const LOCK_NOT_AVAILABLE = "55P03";

let pool: pg.Pool | undefined;

function getPool(): pg.Pool {
  // One connection per push in flight, plus room for a push waiting on another's order lock.
  if (!pool) {
    pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: getEnv().ORDER_PUSH_CONCURRENCY * 2 + 2 });
    // An idle connection dropped by the server: the pool replaces it; a push in flight sees its own error.
    pool.on("error", () => undefined);
  }

  return pool;
}

export type TPushLocks = {
  /** Runs `work` holding a lock per product (taken in id order, so two pushes never deadlock). */
  withProductLocks: <T>(productIds: number[], work: () => Promise<T>) => Promise<T>;
};

async function lock(client: pg.PoolClient, namespace: number, key: number | string, what: string): Promise<void> {
  try {
    await (typeof key === "number"
      ? client.query("SELECT pg_advisory_lock($1::int, $2::int)", [namespace, key])
      : client.query("SELECT pg_advisory_lock($1::int, hashtext($2))", [namespace, key]));
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE)
      throw new AppError("CONFLICT", `Waited too long for ${what}; the push will be retried.`, undefined, {
        retryable: true,
      });
    throw error;
  }
}

/**
 * Runs one order's push holding the order's lock: a second push of the same order (a duplicated
 * job, another worker) waits, then finds the work done. Throws a retryable CONFLICT after 2 min.
 */
export async function withOrderPushLock<T>(orderId: string, work: (locks: TPushLocks) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  // A held connection that dies (session terminated, PostgreSQL restarted) emits 'error' on the
  // client, and an unheard 'error' ends the process. Its locks died with it; the push's next query
  // on it fails and the job is retried (the create itself is guarded by a compare-and-set).
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
    await lock(client, ORDER_NAMESPACE, orderId, `order ${orderId}`);
    const withProductLocks = async <R>(productIds: number[], inner: () => Promise<R>): Promise<R> => {
      const ids = [...new Set(productIds)].sort((a, b) => a - b);
      try {
        for (const id of ids) await lock(client, PRODUCT_NAMESPACE, id, `product ${id}`);

        return await inner();
      } finally {
        for (const id of ids)
          await client.query("SELECT pg_advisory_unlock($1::int, $2::int)", [PRODUCT_NAMESPACE, id]);
      }
    };

    return await work({ withProductLocks });
  } catch (error) {
    if (!(error instanceof AppError)) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    try {
      await client.query("SELECT pg_advisory_unlock_all()");
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
    }
    client.off("error", onError);
    // A connection in doubt is closed rather than pooled: closing releases whatever it held.
    client.release(broken ?? false);
  }
}

/** Closes the lock connections (tests and scripts that exit). */
export async function closePushLocks(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}
