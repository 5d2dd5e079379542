/**
 * Wraps a loader so its result is reused for `ms` milliseconds, in this process. For data
 * that is the same for every caller (the store's categories, its region) — never for
 * anything priced or scoped to an organisation. Concurrent callers share one load; a failed
 * load is not kept.
 *
 * Once `ms` has passed, the value already loaded keeps being served — for up to `staleMs`
 * more — while one refresh runs in the background: a page never waits for a cache to be
 * refilled (before this, every 30 s one buyer's page waited on a whole catalogue fetch from
 * Medusa). A failed refresh leaves the old value in place and is tried again on the next call.
 */
export type TMemoOptions = {
  staleMs?: number;
  /**
   * Keeps the cached value on `globalThis` under this name, so every copy of the memo in the process
   * shares it. Next.js bundles route handlers and pages/actions into separate module graphs in one
   * process, each with its own copy of a module's state: without this, the price endpoint and
   * checkout each kept their own catalogue, and for up to a minute could disagree on whether a
   * product is still sold.
   */
  sharedAs?: string;
};

type TSlot<T> = { at: number; value: Promise<T>; settled?: T; refreshing?: Promise<unknown> };

type TStore<T> = { set: (slot: TSlot<T>) => void; drop: (slot: TSlot<T>) => void };

function makeSlotReader<T>(ms: number, staleMs: number) {
  return (slot: TSlot<T> | undefined, load: () => Promise<T>, store: TStore<T>): Promise<T> => {
    const age = slot ? Date.now() - slot.at : Infinity;
    if (slot && age < ms) return slot.value;
    if (slot && "settled" in slot && age < ms + staleMs) {
      slot.refreshing ??= load().then(
        (value) => store.set({ at: Date.now(), value: Promise.resolve(value), settled: value }),
        () => {
          slot.refreshing = undefined;
        },
      );

      return slot.value;
    }
    const entry: TSlot<T> = { at: Date.now(), value: load() };
    entry.value.then(
      (value) => {
        entry.settled = value;
      },
      () => store.drop(entry),
    );
    store.set(entry);

    return entry.value;
  };
}

export function memoFor<T>(
  ms: number,
  load: () => Promise<T>,
  { staleMs = ms * 2, sharedAs }: TMemoOptions = {},
): () => Promise<T> {
  const holder: { cached?: TSlot<T> } = sharedAs
    ? (((globalThis as Record<symbol, unknown>)[Symbol.for(`tradepost.memo.${sharedAs}`)] ??= {}) as {
        cached?: TSlot<T>;
      })
    : {};
  const read = makeSlotReader<T>(ms, staleMs);

  const store: TStore<T> = {
    set: (slot) => (holder.cached = slot),
    drop: (slot) => {
      if (holder.cached === slot) holder.cached = undefined;
    },
  };

  return () => read(holder.cached, load, store);
}

/**
 * The same per key (a product handle, a catalogue query; `keyOf` names it): each key's result
 * is reused for `ms` (then served stale while it refreshes, as above); at most `maxKeys` are
 * kept, the oldest dropped first. A failed load is not kept.
 */
export function memoByKeyFor<A, T>(
  ms: number,
  maxKeys: number,
  load: (argument: A) => Promise<T>,
  keyOf: (argument: A) => string = String,
  { staleMs = ms * 2 }: TMemoOptions = {},
): (argument: A) => Promise<T> {
  const cached = new Map<string, TSlot<T>>();
  const read = makeSlotReader<T>(ms, staleMs);

  return (argument) => {
    const key = keyOf(argument);
    const hit = cached.get(key);

    const store: TStore<T> = {
      set: (slot) => {
        cached.delete(key);
        if (cached.size >= maxKeys) cached.delete(cached.keys().next().value!);
        cached.set(key, slot);
      },
      drop: (slot) => {
        if (cached.get(key) === slot) cached.delete(key);
      },
    };

    return read(hit, () => load(argument), store);
  };
}
