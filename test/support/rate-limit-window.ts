// Fixed rate-limit windows follow the database's clock, which is this machine's clock in tests.
// A test that counts hits in one window must not straddle two, even on a loaded CI machine.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until a new window of `windowSeconds` has just begun. */
export const startOfNextWindow = (windowSeconds: number) =>
  sleep(windowSeconds * 1000 + 5 - (Date.now() % (windowSeconds * 1000)));

/** Waits for the next window only when fewer than `marginSeconds` remain in the current one. */
export async function clearOfWindowEdge(windowSeconds: number, marginSeconds: number) {
  const remaining = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (remaining < marginSeconds * 1000) await sleep(remaining + 5);
}
