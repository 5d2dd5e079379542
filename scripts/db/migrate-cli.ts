// npm run db:migrate            apply pending migrations (deploy)
// npm run db:migrate:dev -- NAME create a migration from schema changes, then apply it
// npm run db:migrate:status      show pending / failed / edited migrations
import { ensureDatabase } from "./ensure-database";
import { createMigration, deployMigrations, getMigrationStatus } from "./migrations";

async function main(): Promise<void> {
  const [command = "deploy", name] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: it must name the PostgreSQL database to migrate.");
  await ensureDatabase(databaseUrl);

  if (command === "deploy") {
    const applied = await deployMigrations(databaseUrl);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.",
    );
  } else if (command === "dev") {
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error("Give the migration a snake_case name: npm run db:migrate:dev -- add_things");
    const created = await createMigration(databaseUrl, name);
    console.log(
      created
        ? `Created and applied prisma/migrations/${created}`
        : "The schema matches the migrations; nothing to create.",
    );
  } else if (command === "status") {
    console.log(JSON.stringify(await getMigrationStatus(databaseUrl), null, 2));
  } else {
    throw new Error(`Unknown command "${command}" (deploy | dev <name> | status)`);
  }
}

// Exits explicitly: the engine's WebAssembly runtime can keep timers alive after the work is done.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
