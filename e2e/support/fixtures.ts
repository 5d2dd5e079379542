import { test as base, expect, type Page } from "@playwright/test";
import { createPrismaClient } from "../../prisma/seed/client";
import { createOrganisationWithMembers, createUser, TEST_PASSWORD } from "../../prisma/seed/factories";

type TDb = ReturnType<typeof createPrismaClient>;

// Each test seeds its own organisations and users (unique names), straight into the
// database the app under test uses; nothing is shared between tests.
export const test = base.extend<{
  db: TDb;
  seedOrganisation: () => ReturnType<typeof createOrganisationWithMembers>;
  seedStaff: (role: "DATA_MANAGER" | "OPERATOR") => ReturnType<typeof createUser>;
}>({
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    await use(db);
    await db.$disconnect();
  },
  seedOrganisation: async ({ db }, use) => use(() => createOrganisationWithMembers(db)),
  seedStaff: async ({ db }, use) => use((role) => createUser(db, { role })),
});

export { expect, TEST_PASSWORD };

export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedIn(page: Page, path: RegExp): Promise<void> {
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
}

export function loginError(page: Page) {
  return page.locator("#login-error");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
