import { expect, expectSignedIn, loginError, screenshot, signIn, test, TEST_PASSWORD } from "./support/fixtures";

test("[AUTH] a buyer signs in and sees the catalogue that comes from Medusa", async ({ page, seedOrganisation }) => {
  const { organisation, buyer } = await seedOrganisation();
  await signIn(page, buyer.email);

  await expectSignedIn(page, /\/catalog$/);
  // Titles only the Medusa seed (stack/medusa/src/scripts/seed/demo-products.ts) defines.
  await expect(page.getByRole("link", { name: /Atelier Made-to-Measure Table/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Custom Cable Assembly/ })).toBeVisible();
  await expect(page.getByTestId("product-card")).toHaveCount(8);
  await expect(page.getByTestId("product-card").filter({ hasText: "Configurable" })).toHaveCount(2);
  await expect(page.getByTestId("organisation-name")).toHaveText(organisation.name);
  await screenshot(page, "catalog");
});

test("[AUTH] a wrong password is refused with a clear message", async ({ page, db, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  await signIn(page, buyer.email, "not the password");

  await expect(loginError(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
  expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).lastLoginAt).toBeNull();
  await screenshot(page, "login-wrong-password");
});

test("[AUTH] malformed input gets field-level errors and writes nothing", async ({ page, db }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  const hostile = '\' OR 1=1; DROP TABLE "User"; --';
  await page.getByLabel("Email").fill(hostile);
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  expect(await db.loginAttempt.count({ where: { email: { contains: "DROP TABLE" } } })).toBe(0);
  expect(await db.user.count()).toBeGreaterThan(0);
  await screenshot(page, "login-field-errors");
});

test("[AUTH] a deactivated user is told so, even with the right password", async ({ page, db, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  await db.user.update({ where: { id: buyer.id }, data: { isActive: false } });
  await signIn(page, buyer.email);

  await expect(loginError(page)).toContainText("Your account has been deactivated");
});

test("[AUTH] a member of a suspended organisation is told so", async ({ page, db, seedOrganisation }) => {
  const { organisation, admin } = await seedOrganisation();
  await db.organisation.update({ where: { id: organisation.id }, data: { status: "SUSPENDED" } });
  await signIn(page, admin.email);

  await expect(loginError(page)).toContainText("Your organisation's account is suspended");
});

test("[AUTH] five failed attempts lock the email out, and say for how long", async ({ page, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signIn(page, buyer.email, `guess ${attempt}`);
    await expect(loginError(page)).toHaveText("Wrong email or password.");
  }
  await signIn(page, buyer.email);

  await expect(loginError(page)).toHaveText("Too many failed sign-in attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, "login-locked-out");
});

test("[AUTH] signing out ends the session", async ({ page, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);

  await page.getByLabel("Account menu").click();
  await expect(page.getByRole("menu")).toContainText(buyer.email);
  await screenshot(page, "account-menu");
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/catalog");
  await expect(page).toHaveURL(/\/login\?next=%2Fcatalog/);
});

test("[AUTH] deactivating a signed-in user ends their session on the next request", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { buyer } = await seedOrganisation();
  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);

  await db.user.update({ where: { id: buyer.id }, data: { isActive: false } });
  await page.goto("/catalog");
  await expect(page).toHaveURL(/\/login/);
});

test("[AUTH] a next= address that leads off the site is ignored after sign-in", async ({ page, seedOrganisation }) => {
  const { buyer } = await seedOrganisation();
  // Browsers strip the tab, so "/\t/evil.example" would otherwise become "//evil.example".
  await page.goto(`/login?next=${encodeURIComponent("/\t/evil.example")}`);
  await page.getByLabel("Email").fill(buyer.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expectSignedIn(page, /^http:\/\/localhost:\d+\/catalog$/);
});
