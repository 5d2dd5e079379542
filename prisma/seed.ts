// npm run db:seed — the demo organisations and logins (idempotent). The logins include staff, so
// their password is never a default here: set DEMO_PASSWORD. (`npm run demo` and `npm test` seed
// through seedDemoData with their own.) Refused with NODE_ENV=production.
import { createPrismaClient } from "./seed/client";
import { seedDemoData } from "./seed/demo-data";

/** The password of the demo stack's logins (`npm run demo`, shown in its summary); not used by `npm run db:seed`. */
export const DEFAULT_DEMO_PASSWORD = "tradepost-demo";

async function main(): Promise<void> {
  if (process.env.NODE_ENV === "production") throw new Error("Refusing to seed demo data with NODE_ENV=production.");
  const password = process.env.DEMO_PASSWORD;
  if (!password)
    throw new Error(
      "npm run db:seed creates demo logins, staff included: set DEMO_PASSWORD to the password they should have.",
    );
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set.");
  const db = createPrismaClient(databaseUrl);
  try {
    const users = await seedDemoData(db, { password });
    console.log(`Demo data ready: ${users.length} logins.`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
