/** Raised by withinTimeout when the work did not finish in time. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * Settles like `promise`, or rejects with TimeoutError after `ms`. For clients that take no
 * abort signal (Medusa's js-sdk): the work itself is not cancelled, only no longer awaited.
 */
export function withinTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });

  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
