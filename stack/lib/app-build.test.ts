import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appBuildInputs, isAppBuildCurrent, recordAppBuild } from "./app-build";

let root: string;
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "tradepost-app-build-"));
  write("app/page.tsx", "export default function Page() {}");
  write("server/cart/add.ts", "export const add = 1;");
  write("package-lock.json", "{}");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("appBuildInputs", () => {
  it("changes with a source file, a new file, a config file and an inlined variable", () => {
    const before = appBuildInputs(root, {});
    expect(appBuildInputs(root, {})).toBe(before);

    write("server/cart/add.ts", "export const add = 2;");
    const edited = appBuildInputs(root, {});
    expect(edited).not.toBe(before);
    write("components/button.tsx", "export {}");
    const added = appBuildInputs(root, {});
    expect(added).not.toBe(edited);
    write("next.config.ts", "export default {}");
    const configured = appBuildInputs(root, {});
    expect(configured).not.toBe(added);
    expect(appBuildInputs(root, { NEXT_PUBLIC_SHOP: "a" })).not.toBe(configured);
  });

  it("ignores tests, dependencies, the build itself and folders the build does not read", () => {
    const before = appBuildInputs(root, {});
    write("server/cart/add.test.ts", "it()");
    write("app/node_modules/x/index.js", "x");
    write(".next/BUILD_ID", "abc");
    write("e2e/cart.spec.ts", "test()");
    write("stack/up.ts", "main()");
    expect(appBuildInputs(root, { DATABASE_URL: "postgresql://elsewhere" })).toBe(before);
  });
});

describe("isAppBuildCurrent", () => {
  it("holds only for a finished build recorded from the same inputs, with the same build id", () => {
    const inputs = appBuildInputs(root, {});
    expect(isAppBuildCurrent(root, inputs)).toBe(false);
    write(".next/BUILD_ID", "build-1");
    expect(isAppBuildCurrent(root, inputs)).toBe(false);

    recordAppBuild(root, inputs);
    expect(isAppBuildCurrent(root, inputs)).toBe(true);
    expect(isAppBuildCurrent(root, "other inputs")).toBe(false);
    // A build made by hand afterwards (npm run build) is not taken for ours.
    write(".next/BUILD_ID", "build-2");
    expect(isAppBuildCurrent(root, inputs)).toBe(false);
  });
});
