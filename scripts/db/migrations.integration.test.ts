import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "./ensure-database";
import { createMigration, DEFAULT_PATHS, deployMigrations, getMigrationStatus } from "./migrations";

const serverUrl = process.env.TEST_DATABASE_SERVER_URL!;
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const url = withDatabase(serverUrl, `tradepost_mig_${randomUUID().replaceAll("-", "").slice(0, 10)}`);
  await ensureDatabase(url);
  created.push(url);

  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function databaseNames(): Promise<string[]> {
  return (await query<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database")).map((row) => row.datname);
}

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "tradepost-migrations-"));
});

afterAll(async () => {
  await Promise.all(created.map((url) => dropDatabase(url)));
  await rm(scratch, { recursive: true, force: true });
});

describe("migration runner (WebAssembly schema engine)", () => {
  it("applies the project's migrations to a fresh database, then has nothing left to apply", async () => {
    const url = await freshDatabase();
    const folders = (await readdir(DEFAULT_PATHS.migrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();

    expect(await deployMigrations(url)).toEqual(folders);
    expect(await deployMigrations(url)).toEqual([]);

    const tables = (
      await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ).map((r) => r.tablename);
    expect(tables).toEqual(
      expect.arrayContaining([
        "Organisation",
        "User",
        "ExternalLink",
        "AuditLog",
        "LoginAttempt",
        "_prisma_migrations",
      ]),
    );
    const applied = await query<{ migration_name: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(folders);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
    expect(await getMigrationStatus(url)).toEqual({
      hasMigrationsTable: true,
      pending: [],
      failed: [],
      edited: [],
      unknownInDatabase: [],
    });
  });

  it("keeps the hand-written constraints of the initial migration (statements with semicolons in comments)", async () => {
    const url = await freshDatabase();
    await deployMigrations(url);
    const constraints = (
      await query<{ conname: string }>(
        url,
        `SELECT conname FROM pg_constraint WHERE conrelid = '"User"'::regclass AND contype = 'c'`,
      )
    ).map((r) => r.conname);
    expect(constraints).toEqual(expect.arrayContaining(["User_organisation_matches_role", "User_email_lowercase"]));
  });

  it("reports pending migrations, and applies a failing migration not at all", async () => {
    const url = await freshDatabase();
    const migrationsDir = path.join(scratch, "failing");
    await cp(DEFAULT_PATHS.migrationsDir, migrationsDir, { recursive: true });
    await mkdir(path.join(migrationsDir, "29990101000000_broken"));
    await writeFile(
      path.join(migrationsDir, "29990101000000_broken", "migration.sql"),
      'CREATE TABLE "HalfDone" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n',
    );
    const paths = { schemaPath: DEFAULT_PATHS.schemaPath, migrationsDir };

    expect((await getMigrationStatus(url, paths)).pending).toContain("29990101000000_broken");
    await expect(deployMigrations(url, paths)).rejects.toThrow(/NoSuchTable/);
    const tables = (
      await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ).map((r) => r.tablename);
    expect(tables).not.toContain("HalfDone");
    expect((await getMigrationStatus(url, paths)).failed).toEqual(["29990101000000_broken"]);
  });

  it("creates a migration from a schema change (migrate dev) and cleans up its shadow database", async () => {
    const url = await freshDatabase();
    const migrationsDir = path.join(scratch, "dev");
    await cp(DEFAULT_PATHS.migrationsDir, migrationsDir, { recursive: true });
    const schemaPath = path.join(scratch, "schema.prisma");
    const schema = await readFile(DEFAULT_PATHS.schemaPath, "utf8");
    await writeFile(
      schemaPath,
      `${schema}\nmodel Widget {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`,
    );
    const paths = { schemaPath, migrationsDir };
    const before = await databaseNames();

    const name = await createMigration(url, "add_widget", paths);

    expect(name).toMatch(/^\d{14}_add_widget$/);
    expect(await readFile(path.join(migrationsDir, name!, "migration.sql"), "utf8")).toContain('CREATE TABLE "Widget"');
    expect((await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM "Widget"'))[0]?.n).toBe(0);
    expect(await createMigration(url, "nothing_changed", paths)).toBeNull();
    const leftovers = (await databaseNames()).filter(
      (db) => db.startsWith("prisma_migrate_shadow_db_") && !before.includes(db),
    );
    expect(leftovers).toEqual([]);
  });
});
