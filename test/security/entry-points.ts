// The app's entry points as the code declares them, read from the source files (not from a list
// kept by hand): every exported function of a "use server" module under server/actions/, and every
// HTTP method a route.ts under app/ exports. The security suites assert that their tables cover
// exactly these, so a new action or route without a case fails them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

export type TActionEntry = { file: string; name: string };
export type TRouteEntry = { file: string; method: (typeof HTTP_METHODS)[number] };

const isServerActionsModule = (source: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["'];?/.test(source);

/** `server/actions/cart.ts#addToCartAction` for every exported server action. */
export function findServerActions(): TActionEntry[] {
  const dir = path.join(ROOT, "server/actions");
  const entries: TActionEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".ts") || name.endsWith(".test.ts")) continue;
    const source = readFileSync(path.join(dir, name), "utf8");
    if (!isServerActionsModule(source)) continue;
    const file = `server/actions/${name}`;
    for (const match of source.matchAll(/^export\s+(?:async\s+function|const|let|function)\s+(\w+)/gm)) {
      entries.push({ file, name: match[1]! });
    }
    // `export { a, b as c }` re-exports are actions too.
    for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const part of match[1]!.split(",")) {
        const exported = part
          .trim()
          .split(/\s+as\s+/)
          .pop();
        if (exported) entries.push({ file, name: exported });
      }
    }
  }

  return entries;
}

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) found.push(full);
  }

  return found;
}

/** `app/api/storefront/price/route.ts POST` for every HTTP method a route handler exports. */
export function findRouteHandlers(): TRouteEntry[] {
  const entries: TRouteEntry[] = [];
  for (const full of walk(path.join(ROOT, "app")).sort()) {
    const file = path.relative(ROOT, full);
    const source = readFileSync(full, "utf8");
    const methods = new Set<string>();
    for (const match of source.matchAll(/^export\s+(?:const|async\s+function|function)\s+(\w+)/gm)) {
      methods.add(match[1]!);
    }
    for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const part of match[1]!.split(","))
        methods.add(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? "",
        );
    }
    for (const method of HTTP_METHODS) if (methods.has(method)) entries.push({ file, method });
  }

  return entries;
}

export const actionKey = (entry: TActionEntry) => `${entry.file}#${entry.name}`;
export const routeKey = (entry: TRouteEntry) => `${entry.file} ${entry.method}`;

/** Files outside server/actions/ that declare server actions ("use server" at the top or inline). */
export function findStrayServerActionFiles(): string[] {
  const stray: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && /["']use server["']/.test(readFileSync(full, "utf8"))) {
        const file = path.relative(ROOT, full);
        if (!file.startsWith("server/actions/")) stray.push(file);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "server"]) visit(path.join(ROOT, dir));

  return stray;
}
