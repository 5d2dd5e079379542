#!/usr/bin/env node
// Installs what is missing before `npm run demo` / `npm test`: the app's and the Medusa
// backend's node_modules (unless installed from these very package.json and lockfile) and the generated
// Prisma client (when absent or older than the schema). Plain Node: it runs before any
// dependency exists.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const digest = (...files) =>
  createHash("sha256")
    .update(files.map((file) => (existsSync(file) ? readFileSync(file) : "")).join("\0"))
    .digest("hex");

function ensureInstalled(dir, label) {
  const stamp = path.join(dir, "node_modules", ".tradepost-installed");
  const manifests = [path.join(dir, "package.json"), path.join(dir, "package-lock.json")];
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest(...manifests)) return;
  console.log(`▸ Installing ${label} dependencies (npm install) …`);
  const started = Date.now();
  // `npm ci` cannot be used here: the lockfile names other platforms' optional packages.
  execFileSync(npm, ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  // Digest after the install: npm may rewrite the lockfile (e.g. add optional packages of other
  // platforms), and a digest of the old one would never match again.
  writeFileSync(stamp, digest(...manifests));
  console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function ensurePrismaClient() {
  const stamp = path.join(root, "generated", ".schema-hash");
  const wanted = digest(path.join(root, "prisma", "schema.prisma"));
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  execFileSync(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")], { cwd: root, stdio: "inherit" });
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Tradepost needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
ensureInstalled(root, "app");
ensureInstalled(path.join(root, "stack", "medusa"), "Medusa backend");
ensurePrismaClient();
