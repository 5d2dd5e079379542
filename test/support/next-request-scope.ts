// Server actions and session helpers read Next's request scope (headers, connection,
// revalidation) and next-auth's session. Outside a Next server those are stubbed here;
// everything else, the database above all, is real. `signInAs` picks the session user.
import { vi } from "vitest";

const state = { userId: null as string | null };

export function signInAs(user: { id: string } | null): void {
  state.userId = user?.id ?? null;
}

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "test-request" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  connection: async () => undefined,
}));
vi.mock("next-auth", () => ({
  getServerSession: async () =>
    state.userId ? { user: { id: state.userId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null,
}));
