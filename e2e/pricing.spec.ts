import type { Browser, Page } from "@playwright/test";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// J1: a data manager builds a price list, sees a conflict and fixes it, simulates prices
// for two organisations, has a second data manager approve, publishes, and rolls back.

const CURRENCY = "GBP";
const BASE_PRICES: [string, string][] = [
  ["TBL-ATELIER-OAK", "750.00"],
  ["TBL-ATELIER-WALNUT", "920.00"],
  ["TBL-ATELIER-GLASS", "840.00"],
  ["CBL-ASSY-CAT6A", "12.00"],
  ["CBL-ASSY-OM4", "27.00"],
  ["ACC-FEET-M8", "20.00"],
  ["ACC-TRAY-800", "33.00"],
  ["ACC-ARM-DUAL", "125.00"],
  ["CBL-PATCH-10", "38.00"],
  ["ACC-SCREEN-1200", "75.00"],
  ["ACC-SCREEN-1600", "92.00"],
  // ACC-GROMMET-80 is left out on purpose: the checks must flag it.
];
const HEADER = "sku,amount,priority,valid_from,valid_to,note";
const csv = (rows: string[]) => ({
  name: "base-prices.csv",
  mimeType: "text/csv",
  buffer: Buffer.from([HEADER, ...rows].join("\n")),
});

async function newPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expectSignedIn(page, /\/portal$/);

  return page;
}

async function addRule(
  page: Page,
  kindTab: RegExp,
  addLabel: string,
  formName: string,
  fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>,
  added: RegExp,
) {
  await page.getByRole("tab", { name: kindTab }).click();
  await page.getByRole("button", { name: addLabel }).click();
  const form = page.getByRole("form", { name: formName });
  await fill(form);
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText(added)).toBeVisible();
  await expect(form).toHaveCount(0);
}

async function simulate(page: Page, organisation: string) {
  await page.getByLabel("Organisation").selectOption({ label: organisation });
  await expect(page.getByRole("status").filter({ hasText: "Pricing…" })).toHaveCount(0);

  return page.getByTestId("simulation-version");
}

async function approveAndPublish(maker: Page, checker: Page, versionUrl: string) {
  await maker.getByRole("button", { name: "Submit for approval" }).click();
  await expect(maker.getByText("Waiting for another data manager to approve.")).toBeVisible();
  await checker.goto(versionUrl);
  await checker.getByRole("button", { name: "Approve" }).click();
  await expect(checker.getByText(/approved\.$/)).toBeVisible();
  await maker.reload();
  await maker.getByRole("button", { name: "Publish…" }).click();
  await maker.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
  await expect(maker.getByRole("heading", { level: 1 })).toContainText("Live");
}

test("[J1] a data manager builds a price list, fixes a flagged conflict, simulates two organisations, gets approval, publishes and rolls back", async ({
  page,
  browser,
  db,
  seedOrganisation,
  seedStaff,
}) => {
  test.setTimeout(240_000);
  const [a, b, maker, checker] = await Promise.all([
    seedOrganisation(),
    seedOrganisation(),
    seedStaff("DATA_MANAGER"),
    seedStaff("DATA_MANAGER"),
  ]);
  const orgA = a.organisation.name;
  const orgB = b.organisation.name;

  await signIn(page, maker.email);
  await expectSignedIn(page, /\/portal$/);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Price lists" }).click();
  await page.getByRole("button", { name: "New price list" }).click();
  await page.getByLabel("Name").fill("Trade prices (GBP)");
  await page.getByLabel("Currency").fill(CURRENCY);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Version 1");
  const versionUrl = page.url();

  // Base prices from CSV: a file with a bad row is refused whole, then the good file is imported.
  await page.getByRole("button", { name: "Import CSV" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles(csv([...BASE_PRICES.map(([sku, amount]) => `${sku},${amount},0,,,`), "ACC-FEET-M8,12.345,0,,,"]));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("Enter an amount in GBP, e.g. 890.00.");
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toBeVisible();
  await screenshot(page, "pricing-import-errors");
  await page.getByLabel("CSV file").setInputFiles(csv(BASE_PRICES.map(([sku, amount]) => `${sku},${amount},0,,,`)));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByText("Imported 11 rows: 11 added, 0 changed, 0 removed.")).toBeVisible();
  await expect(page.getByTestId("rule-row")).toHaveCount(11);

  // The seeded conflict: a catalogue SKU without a price blocks submitting, until it is fixed.
  const missing = page.getByTestId("finding").filter({ hasText: "ACC-GROMMET-80 has no base price in GBP." });
  await expect(missing).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit for approval" })).toBeDisabled();
  await expect(page.getByText("Cannot submit yet: 1 error must be fixed first.")).toBeVisible();
  await screenshot(page, "pricing-conflict-flagged");
  await addRule(
    page,
    /Base prices/,
    "Add base price",
    "New base price",
    async (form) => {
      await form.getByLabel("SKU").fill("ACC-GROMMET-80");
      await form.getByLabel("Price (GBP)").fill("10.50");
    },
    /BP-012 added/,
  );
  await expect(missing).toHaveCount(0);

  await addRule(
    page,
    /Option surcharges/,
    "Add surcharge",
    "New surcharge",
    async (form) => {
      await form.getByLabel("Product").selectOption("made-to-measure-table");
      await form.getByLabel("Option").fill("width_mm");
      await form.getByLabel("Charged as").selectOption("per_unit");
      await form.getByLabel("Amount per step (GBP)").fill("12");
      await form.getByLabel("Step size").fill("100");
      await form.getByLabel("Charged above").fill("1200");
      await form.getByLabel("Note").fill("Width above 1200 mm");
    },
    /SC-001 added/,
  );
  await addRule(
    page,
    /Organisation discounts/,
    "Add organisation discount",
    "New organisation discount",
    async (form) => {
      await form.getByLabel("Organisation").selectOption({ label: orgA });
      await form.getByLabel("Discount (%)").fill("10");
      await form.getByLabel("Note").fill("Framework agreement");
    },
    /OD-001 added/,
  );
  await addRule(
    page,
    /Volume tiers/,
    "Add volume tier",
    "New volume tier",
    async (form) => {
      await form.getByLabel("From quantity").fill("10");
      await form.getByLabel("To quantity").fill("49");
      await form.getByLabel("Discount (%)").fill("3");
    },
    /TR-001 added/,
  );
  await addRule(
    page,
    /Volume tiers/,
    "Add volume tier",
    "New volume tier",
    async (form) => {
      await form.getByLabel("From quantity").fill("50");
      await form.getByLabel("Discount (%)").fill("6");
      await form.getByLabel("Valid until (UTC)").fill("2030-12-31T23:59");
    },
    /TR-002 added/,
  );
  await expect(page.getByText("No conflicts: every product has a price")).toBeVisible();
  await screenshot(page, "pricing-draft-tiers");

  // Simulate the same table for both organisations: A gets its 10 %, B does not.
  await page.getByRole("link", { name: "Simulator" }).click();
  await expect(page.getByTestId("simulation-version").getByTestId("unit-price")).toBeVisible();
  await page.getByLabel("Product").selectOption({ label: "Atelier Made-to-Measure Table" });
  await expect(page.getByTestId("sim-sku")).toHaveText("TBL-ATELIER-OAK");
  await page.getByLabel("Width (mm)").fill("1800");
  const forA = await simulate(page, orgA);
  await expect(forA.getByTestId("unit-price")).toHaveText("£739.80");
  await expect(forA.getByTestId("breakdown-line")).toHaveText([
    /Base price TBL-ATELIER-OAK.*£750\.00/,
    /Width above 1200 mm.*£72\.00/,
    /Framework agreement.*−£82\.20/,
  ]);
  await screenshot(page, "pricing-simulator-a");
  const forB = await simulate(page, orgB);
  await expect(forB.getByTestId("unit-price")).toHaveText("£822.00");
  await expect(forB.getByTestId("breakdown-line")).toHaveCount(2);
  await page.getByLabel("Quantity").fill("10");
  await expect(forB.getByTestId("unit-price")).toHaveText("£797.34");
  await expect(page.getByTestId("simulation-live")).toContainText("Nothing is live in this currency yet.");

  // Maker–checker: the maker cannot approve; a second data manager does; then publish.
  await page.getByRole("link", { name: "Rules" }).click();
  const checkerPage = await newPage(browser, checker.email);
  await approveAndPublish(page, checkerPage, versionUrl);
  await screenshot(page, "pricing-published");

  // Version 2 raises A's discount; after its publication, roll back to version 1.
  await page.getByRole("button", { name: "Start a new draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Version 2");
  const version2Url = page.url();
  await page.getByRole("tab", { name: /Organisation discounts/ }).click();
  await page.getByRole("button", { name: "Edit OD-001" }).click();
  const edit = page.getByRole("form", { name: "Edit OD-001" });
  await edit.getByLabel("Discount (%)").fill("12");
  await edit.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByText("OD-001 saved.")).toBeVisible();
  await page.getByRole("link", { name: /Changes/ }).click();
  await expect(page.getByTestId("diff-row")).toHaveCount(1);
  await expect(page.getByTestId("diff-row")).toContainText("bps: 1000 → 1200");
  await page.getByRole("link", { name: "Rules" }).click();
  await approveAndPublish(page, checkerPage, version2Url);

  await page.goto(versionUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Superseded");
  await page.getByRole("button", { name: "Roll back to this version…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Version 3");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Live");

  const ruleSet = await db.pricingRuleSet.findUniqueOrThrow({
    where: { currency: CURRENCY },
    include: { versions: { orderBy: { number: "asc" } } },
  });
  expect(ruleSet.versions.map((version) => [version.number, version.status])).toEqual([
    [1, "PUBLISHED"],
    [2, "PUBLISHED"],
    [3, "PUBLISHED"],
  ]);
  expect(ruleSet.versions[2]!.rules).toEqual(ruleSet.versions[0]!.rules);
  expect(ruleSet.versions[0]!.approvedById).toBe(checker.id);

  await page.getByRole("link", { name: "Simulator" }).click();
  await expect(page.getByTestId("simulation-version").getByTestId("unit-price")).toBeVisible();
  await page.getByLabel("Product").selectOption({ label: "Atelier Made-to-Measure Table" });
  await expect(page.getByTestId("sim-sku")).toHaveText("TBL-ATELIER-OAK");
  await page.getByLabel("Width (mm)").fill("1800");
  await expect((await simulate(page, orgA)).getByTestId("unit-price")).toHaveText("£739.80");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByTestId("history-row").filter({ hasText: "rolled back" })).toContainText(maker.email);
  await page.goto("/portal/pricing");
  const versions = page.getByTestId("rule-set").filter({ hasText: "Trade prices (GBP)" }).getByTestId("version-row");
  await expect(versions).toHaveText([/Version 3.*Live/, /Version 2.*Superseded/, /Version 1.*Superseded/]);
  await screenshot(page, "pricing-rule-sets");
});

test("[J1] buyers, organisation admins and operators cannot reach the price lists or product models", async ({
  browser,
  seedOrganisation,
  seedStaff,
}) => {
  const { buyer, admin } = await seedOrganisation();
  const operator = await seedStaff("OPERATOR");
  for (const user of [buyer, admin, operator]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, user.email);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(
      page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Price lists" }),
    ).toHaveCount(0);
    for (const path of ["/portal/pricing", "/portal/configurator"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
    }
    const exported = await page.request.get(
      "/portal/pricing/versions/00000000-0000-4000-8000-000000000000/export/base_price",
    );
    expect(exported.status()).toBe(403);
  }
});
