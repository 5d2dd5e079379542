// Runs before each integration test file: gives the file a database of its own, cloned from
// the migrated template the test runner prepared (INVARIANT: the template is never written
// to), and points DATABASE_URL at it before any server module reads the environment.
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "../scripts/db/ensure-database";

const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
const template = process.env.TEST_TEMPLATE_DATABASE;
if (!serverUrl || !template) {
  throw new Error(
    "Integration tests need TEST_DATABASE_SERVER_URL and TEST_TEMPLATE_DATABASE: run them with `npm test` (stack/test.ts).",
  );
}

const databaseUrl = withDatabase(serverUrl, `tradepost_it_${randomUUID().replaceAll("-", "").slice(0, 12)}`);
await ensureDatabase(databaseUrl, { template });
process.env.DATABASE_URL = databaseUrl;
process.env.APP_URL ??= "http://localhost:3000";
process.env.NEXTAUTH_URL ??= process.env.APP_URL;
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-integration-tests";
process.env.PRICING_QUOTE_SECRET ??= "integration-tests-quote-secret-0123456789";
process.env.PRICING_REQUIRE_APPROVAL ??= "true";

afterAll(async () => {
  const { disconnectDb } = await import("../server/db");
  await disconnectDb();
  await dropDatabase(databaseUrl);
});
