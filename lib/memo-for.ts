/**
 * Wraps a loader so its result is reused for `ms` milliseconds, in this process. For data
 * that is the same for every caller (the store's categories, its region) — never for
 * anything priced or scoped to an organisation. A failed load is not cached.
 */
export function memoFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;

  return () => {
    if (cached && Date.now() - cached.at < ms) return cached.value;
    const value = load();
    const entry = { at: Date.now(), value };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });

    return value;
  };
}

/**
 * The same per key (a product handle, a catalogue query; `keyOf` names it): each key's result
 * is reused for `ms`; at most `maxKeys` are kept, the oldest dropped first. A failed load is not kept.
 */
export function memoByKeyFor<A, T>(ms: number, maxKeys: number, load: (argument: A) => Promise<T>, keyOf: (argument: A) => string = String): (argument: A) => Promise<T> {
  const cached = new Map<string, { at: number; value: Promise<T> }>();

  return (argument) => {
    const key = keyOf(argument);
    const hit = cached.get(key);
    if (hit && Date.now() - hit.at < ms) return hit.value;
    cached.delete(key);
    if (cached.size >= maxKeys) cached.delete(cached.keys().next().value!);
    const value = load(argument);
    const entry = { at: Date.now(), value };
    cached.set(key, entry);
    value.catch(() => {
      if (cached.get(key) === entry) cached.delete(key);
    });

    return value;
  };
}
