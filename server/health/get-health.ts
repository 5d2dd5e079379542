import "server-only";
import { checkHealth, type THealth } from "@/server/health/check-health";

// /api/health is public: without a shared result, a flood of requests would become a flood
// of Medusa and Odoo calls. One check at a time per process; its result serves everyone for
// SHARED_FOR_MS after it finished, and callers that arrive while it runs wait for it.
const SHARED_FOR_MS = 5_000;

let shared: { promise: Promise<THealth>; expiresAt: number } | undefined;

/** The latest health check of this process, at most ~5 s old; starts one when there is none. Never throws. */
export function getHealth(): Promise<THealth> {
  if (shared && Date.now() < shared.expiresAt) return shared.promise;

  const promise = checkHealth();
  const entry = { promise, expiresAt: Number.POSITIVE_INFINITY };
  shared = entry;
  void promise.then(
    () => {
      entry.expiresAt = Date.now() + SHARED_FOR_MS;
    },
    () => {
      if (shared === entry) shared = undefined;
    },
  );

  return promise;
}
