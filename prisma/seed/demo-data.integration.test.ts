import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { testDb } from "../../test/support/db";
import { DEMO_USERS, seedDemoData } from "./demo-data";

const db = testDb();
afterAll(() => db.$disconnect());

const snapshot = async () => ({
  organisations: await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, status: true },
  }),
  users: await db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, role: true, organisationId: true, passwordHash: true },
  }),
  models: await db.configuratorModelVersion.findMany({
    orderBy: { number: "asc" },
    select: { id: true, status: true, definition: true, model: { select: { productHandle: true } } },
  }),
  priceLists: await db.pricingRuleSetVersion.findMany({
    select: { id: true, number: true, status: true, rules: true, ruleSet: { select: { currency: true } } },
  }),
});

const ROOT = path.resolve(import.meta.dirname, "../..");
const demoEmails = DEMO_USERS.map((user) => user.email);
const demoLogins = () => db.user.count({ where: { email: { in: demoEmails } } });

/** `npm run db:seed` as a user would run it, against this file's database. */
async function runSeedScript(env: Record<string, string | undefined>): Promise<{ code: number; output: string }> {
  const { DEMO_PASSWORD: _inherited, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
      cwd: ROOT,
      env: { ...inherited, ...env },
    });

    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };

    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

afterEach(() => vi.unstubAllEnvs());

// These run first: the database of this file starts without demo logins.
describe("where demo logins must not appear", () => {
  it("seedDemoData refuses with NODE_ENV=production, whatever password it is given", async () => {
    vi.stubEnv("NODE_ENV", "production");

    await expect(seedDemoData(db, { password: "a-password-someone-chose" })).rejects.toThrow(/NODE_ENV=production/);
    expect(await demoLogins()).toBe(0);
    expect(await db.organisation.count({ where: { name: { in: ["Acme Interiors", "Borealis Fitouts"] } } })).toBe(0);
  });

  it("npm run db:seed refuses without an explicit DEMO_PASSWORD, and with NODE_ENV=production", async () => {
    const withoutPassword = await runSeedScript({ NODE_ENV: "development" });
    expect(withoutPassword.code).not.toBe(0);
    expect(withoutPassword.output).toMatch(/DEMO_PASSWORD/);

    const inProduction = await runSeedScript({ NODE_ENV: "production", DEMO_PASSWORD: "chosen-by-the-operator" });
    expect(inProduction.code).not.toBe(0);
    expect(inProduction.output).toMatch(/NODE_ENV=production/);

    expect(await demoLogins()).toBe(0);
  });

  it("npm run db:seed with DEMO_PASSWORD gives the logins that password", async () => {
    const seeded = await runSeedScript({ NODE_ENV: "development", DEMO_PASSWORD: "chosen-by-the-operator" });
    expect(seeded.code).toBe(0);

    const operator = await db.user.findUniqueOrThrow({
      where: { email: "ops@tradepost.example" },
      select: { passwordHash: true },
    });
    expect(await verifyPassword("chosen-by-the-operator", operator.passwordHash)).toBe(true);
    expect(await verifyPassword("tradepost-demo", operator.passwordHash)).toBe(false);
  });
});

describe("seedDemoData", () => {
  it("creates the demo organisations, logins and published price list, and a second run changes nothing", async () => {
    await seedDemoData(db, { password: "tradepost-demo" });
    const first = await snapshot();
    await seedDemoData(db, { password: "tradepost-demo" });

    expect(await snapshot()).toEqual(first);
    expect(first.organisations.map((organisation) => organisation.name)).toEqual([
      "Acme Interiors",
      "Borealis Fitouts",
    ]);
    expect(first.users.map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort());
    const acme = first.organisations[0]!.id;
    expect(
      first.users
        .filter((user) => user.organisationId === acme)
        .map((user) => user.role)
        .sort(),
    ).toEqual(["BUYER", "ORG_ADMIN"]);
    expect(
      first.users
        .filter((user) => user.organisationId === null)
        .map((user) => user.role)
        .sort(),
    ).toEqual(["DATA_MANAGER", "OPERATOR"]);
    expect(first.models.map((version) => [version.model.productHandle, version.status]).sort()).toEqual([
      ["cable-assembly", "PUBLISHED"],
      ["made-to-measure-table", "PUBLISHED"],
    ]);
    expect(first.priceLists).toEqual([
      expect.objectContaining({ number: 1, status: "PUBLISHED", ruleSet: { currency: "EUR" } }),
    ]);
  });
});
