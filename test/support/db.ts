// Test access to the per-file database (see test/integration-setup.ts), outside the app's
// client so that tests can read what the code under test wrote.
import { createPrismaClient } from "../../prisma/seed/client";

let client: ReturnType<typeof createPrismaClient> | undefined;

export function testDb() {
  client ??= createPrismaClient(process.env.DATABASE_URL!);

  return client;
}
