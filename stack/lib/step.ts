/**
 * Runs one start-up step, printing its name, then how it ended ("ok", or what `outcome` says of
 * the result) with the time it took, or "failed".
 */
export async function step<T>(label: string, run: () => Promise<T>, outcome?: (result: T) => string): Promise<T> {
  const started = Date.now();
  process.stdout.write(`▸ ${label} … `);
  try {
    const result = await run();
    process.stdout.write(`${outcome?.(result) ?? "ok"} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

    return result;
  } catch (error) {
    process.stdout.write("failed\n");
    throw error;
  }
}
