// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
// The Prisma CLI downloads a native engine from a host these machines cannot reach;
// this gives the same migrations (standard folders, `_prisma_migrations` table), so the
// real CLI keeps working wherever it can download its engine.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlQueryable } from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const CHAR_OID = 18;
const TEXT_OID = 25;

type TQuery = Parameters<SqlQueryable["queryRaw"]>[0];
type TPgResult = { fields: { dataTypeID: number }[]; rows: unknown[][] };
type TPgQueryable = SqlQueryable & {
  executeScript(script: string): Promise<void>;
  performIO(query: TQuery): Promise<TPgResult>;
  onError(error: unknown): never;
  client: { query(text: string): Promise<unknown> };
};

// Two fixes to adapter-pg for the schema engine.
// Trap 1: adapter-pg rejects Postgres' one-byte `"char"` columns (OID 18), which the
// engine's catalog queries return (pg_class.relkind, pg_constraint.contype …), and the
// engine reads them as characters (on PostgreSQL 18, NOT NULL constraints arrive as
// contype 'n'). So such columns are handed over as text and typed `Character`.
// Trap 4: its executeScript splits a migration on every ";", so a semicolon in a comment,
// a string or a function body breaks the migration. Like the native engine, we send the
// script whole (one simple query: PostgreSQL runs it as one implicit transaction).
// Patched once on the shared queryable prototype, which covers transactions too; only
// this migration process loads it.
function fixQueryable(adapter: SqlQueryable): void {
  patchOwner(
    adapter,
    "executeScript",
    () =>
      async function executeScript(this: TPgQueryable, script: string) {
        try {
          await this.client.query(script);
        } catch (error) {
          this.onError(error);
        }
      },
  );
  patchOwner(
    adapter,
    "queryRaw",
    (queryRaw) =>
      async function queryRawWithChars(this: TPgQueryable, query: TQuery) {
        const raw = await this.performIO(query);
        const charColumns = raw.fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
        for (const index of charColumns) raw.fields[index]!.dataTypeID = TEXT_OID;
        const replay = Object.create(this, { performIO: { value: async () => raw } }) as TPgQueryable;
        const result = await queryRaw.call(replay, query);
        for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;

        return result;
      },
  );
}

const PATCHED = Symbol("patchedForMigrations");

// Replaces `method` on the prototype that defines it (once per process).
function patchOwner<K extends "executeScript" | "queryRaw">(
  adapter: SqlQueryable,
  method: K,
  replace: (original: TPgQueryable[K]) => TPgQueryable[K],
): void {
  let owner = Object.getPrototypeOf(adapter) as Record<string | symbol, unknown> | null;
  while (owner && !Object.hasOwn(owner, method)) owner = Object.getPrototypeOf(owner) as typeof owner;
  const original = owner?.[method] as (TPgQueryable[K] & { [PATCHED]?: boolean }) | undefined;
  if (!owner || !original || original[PATCHED]) return;
  owner[method] = Object.assign(replace(original), { [PATCHED]: true });
}

// Trap 3: pg lets `connectionString` override `database`, so every pool here is given
// host/port/user/password/database separately.
function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const parsed = parseConnectionString(databaseUrl);

  return {
    host: parsed.host ?? "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user,
    password: parsed.password,
    database: database ?? parsed.database ?? undefined,
    ssl: parsed.ssl ? (parsed.ssl as pg.PoolConfig["ssl"]) : undefined,
    max: 4,
  };
}

// Trap 2: adapter-pg drops its shadow database before closing the pool that is still
// connected to it. We close first, then drop with FORCE.
class MigrationAdapterFactory extends PrismaPg {
  private readonly opened: { dispose(): Promise<void> }[] = [];

  constructor(private readonly databaseUrl: string) {
    super(poolConfig(databaseUrl));
  }

  override async connect() {
    const adapter = await super.connect();
    fixQueryable(adapter);
    this.opened.push(adapter);

    return adapter;
  }

  /**
   * Closes every connection the engine opened. `engine.free()` does not, and an open
   * connection keeps Prisma's migration advisory lock, so the next engine would wait ~10 s.
   */
  async closeAll(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose().catch(() => undefined)));
  }

  override async connectToShadowDb() {
    const admin = new pg.Client(poolConfig(this.databaseUrl));
    await admin.connect();
    const shadowName = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadowPool = new pg.Pool(poolConfig(this.databaseUrl, shadowName));
    const adapter = await new PrismaPg(shadowPool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadowPool.end().catch(() => undefined);
      const dropper = new pg.Client(poolConfig(this.databaseUrl));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await dropper.end();
    };

    return adapter;
  }
}

let wasmReady: Promise<void> | undefined;

// The engine reports a Rust panic through this global before throwing; without it the
// panic surfaces as an unrelated TypeError. Same shape as the Prisma CLI's registry.
const panicRegistry = {
  message: "",
  get() {
    return this.message;
  },
  set_message(message: string) {
    this.message = `RuntimeError: ${message}`;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

async function loadWasm(): Promise<void> {
  const gluePath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm"));
  const bytes = await readFile(gluePath.replace(/schema_engine\.js$/, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineGlue });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}

export type TSchemaFile = { path: string; content: string };

export type TSchemaEngineSession = { engine: SchemaEngine; close(): Promise<void> };

/** Starts a schema engine bound to `databaseUrl`. Call `close()` when done. */
export async function startSchemaEngine({
  databaseUrl,
  schemaFiles,
  onLog,
}: {
  databaseUrl: string;
  schemaFiles: TSchemaFile[];
  onLog?: (line: string) => void;
}): Promise<TSchemaEngineSession> {
  wasmReady ??= loadWasm();
  await wasmReady;
  const factory = new MigrationAdapterFactory(databaseUrl);
  const datamodels = schemaFiles.map((file): [string, string] => [file.path, file.content]);
  const engine = (await engineGlue.SchemaEngine.new(
    { datamodels },
    (line: string) => onLog?.(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as SchemaEngine;

  return {
    engine,
    close: async () => {
      engine.free();
      await factory.closeAll();
    },
  };
}
