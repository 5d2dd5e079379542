/** The data of a server action's result, failing the test with the action's message when it did not succeed. */
export const ok = <T>(result: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);

  return result.data;
};
