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
