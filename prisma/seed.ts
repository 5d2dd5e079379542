// npm run db:seed — the demo organisations and logins (idempotent).
import { createPrismaClient } from "./seed/client";
import { seedDemoData } from "./seed/demo-data";

export const DEFAULT_DEMO_PASSWORD = "tradepost-demo";

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set.");
  const db = createPrismaClient(databaseUrl);
  try {
    const users = await seedDemoData(db, { password: process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD });
    console.log(`Demo data ready: ${users.length} logins.`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
