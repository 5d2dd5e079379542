#!/usr/bin/env node
// `prisma generate` with a stand-in for the native schema engine (generate never runs it,
// but the CLI wants one before it starts), then a stamp of the schema it generated from,
// which scripts/ensure-deps.mjs compares to skip needless regeneration.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts", "no-schema-engine.sh"),
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
const schemaHash = createHash("sha256")
  .update(readFileSync(path.join(root, "prisma", "schema.prisma")))
  .digest("hex");
writeFileSync(path.join(root, "generated", ".schema-hash"), schemaHash);
