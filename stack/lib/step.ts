/** Runs one start-up step, printing its name, then "ok" with the time it took, or "failed". */
export async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`▸ ${label} … `);
  try {
    const result = await run();
    process.stdout.write(`ok (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

    return result;
  } catch (error) {
    process.stdout.write("failed\n");
    throw error;
  }
}
