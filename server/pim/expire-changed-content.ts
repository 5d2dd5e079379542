import "server-only";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { expireProductContent } from "@/server/pim/content-cache";

// How other app instances learn of a change: the webhook reaches one instance (which expires its
// cache at once) and the reconciliation job runs in a worker, but both write PimContentVersion.
// Each instance polls that table at most every POLL_MS, on the first content read after it, and
// expires the SKUs whose version changed. A page view thus costs no query at all within the
// interval and one indexed query per instance after it (shared by concurrent views), rather than
// a version lookup per product per view (a catalogue page reads dozens of products).
const POLL_MS = 3_000;
// `changedAt` is the writing transaction's start; a write committed a little after a later-stamped
// one was read must still be seen. Rows within the overlap are told apart by what was seen.
const OVERLAP_MS = 5_000;
// A burst larger than this (a full re-sync) expires everything instead.
const MAX_ROWS = 500;

type TState = {
  checkedAt: number;
  /** The newest change seen; null before the first look. */
  cursor: Date | null;
  /** Changes up to here need no look again: everything cached was dropped or read after them. */
  floor: Date;
  seen: Map<string, number>;
  running: Promise<void> | null;
};

// On globalThis, like the cache it expires: Next bundles pages and route handlers apart.
const state: TState = ((globalThis as { __tradepostPimVersions?: TState }).__tradepostPimVersions ??= {
  checkedAt: 0,
  cursor: null,
  floor: new Date(0),
  seen: new Map(),
  running: null,
});

/**
 * Expires this process's cached content of every SKU whose published version changed since the
 * last look (at most every 3 s). Never throws: a database hiccup leaves the cache's own expiry.
 */
export async function expireChangedContent(): Promise<void> {
  const now = Date.now();
  if (state.running) return state.running;
  if (now - state.checkedAt < POLL_MS) return;
  state.checkedAt = now;
  state.running = poll()
    .catch((error: unknown) => logger.warn({ err: error }, "content versions not read: cached content kept"))
    .finally(() => {
      state.running = null;
    });

  return state.running;
}

async function poll(): Promise<void> {
  if (!state.cursor) {
    // The first look: what this process caches from now on is newer than anything changed so far.
    state.cursor = state.floor = await newestChange();

    return;
  }
  const after = Math.max(state.cursor.getTime() - OVERLAP_MS, state.floor.getTime());
  const rows = await db.pimContentVersion.findMany({
    where: { changedAt: { gt: new Date(after) } },
    select: { sku: true, locale: true, changedAt: true },
    orderBy: { changedAt: "asc" },
    take: MAX_ROWS,
  });
  if (rows.length === MAX_ROWS) {
    // Everything goes; whatever committed up to now is older than what will be read next.
    state.cursor = state.floor = await newestChange();
    expireProductContent();
    state.seen.clear();

    return;
  }
  for (const row of rows) {
    const key = `${row.locale}:${row.sku}:${row.changedAt.getTime()}`;
    if (state.seen.has(key)) continue;
    state.seen.set(key, row.changedAt.getTime());
    expireProductContent(row.sku);
    if (row.changedAt > state.cursor) state.cursor = row.changedAt;
  }
  const horizon = state.cursor.getTime() - OVERLAP_MS;
  for (const [key, at] of state.seen) if (at <= horizon) state.seen.delete(key);
}

async function newestChange(): Promise<Date> {
  const newest = await db.pimContentVersion.aggregate({ _max: { changedAt: true } });

  return newest._max.changedAt ?? new Date(0);
}
