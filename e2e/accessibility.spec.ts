import type { Page } from "@playwright/test";
import { createUser } from "../prisma/seed/factories";
import { linkIn, waitForEmail } from "../test/support/mail-inbox";
import { seedOrder } from "../test/support/orders";
import { acmeReadyForCheckout } from "./support/acme";
import { appPageRoutes, seriousViolations } from "./support/axe";
import { expect, screenshot, signIn, test } from "./support/fixtures";

// Every page of the app (app/**/page.tsx), checked with axe as the role that uses it, with the data
// that fills it (a cart, orders, an approval request, drafts): no serious or critical WCAG 2.0/2.1
// A/AA violation. Some pages are checked again in a second state (a dialog or menu open, field
// errors shown). A page added without a row here fails the first test.

type TRole = "visitor" | "buyer" | "approver" | "orgAdmin" | "dataManager" | "operator";
type TIds = Record<string, string>;
type TVisit = {
  /** The route as the file system has it ("/orders/[orderId]"). */
  route: string;
  as: TRole;
  /** What tells this visit from another of the same route. */
  variant?: string;
  /** The URL to open, for dynamic segments and query strings; the route itself otherwise. */
  path?: (ids: TIds) => string;
  /** Waits for what loads after the page (a live price). */
  ready?: (page: Page) => Promise<void>;
  /** Further states of the page, each checked in turn. */
  states?: { name: string; act: (page: Page) => Promise<void> }[];
};

// The price panel fades while a new price loads; axe is to see it settled, not mid-fade.
async function priceSettled(page: Page): Promise<void> {
  await expect(page.getByTestId("price-panel")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("price-panel")).toHaveCSS("opacity", "1");
}
const openAccountMenu = {
  name: "account menu open",
  act: async (page: Page) => {
    await page.getByRole("button", { name: "Account menu" }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  },
};

const VISITS: TVisit[] = [
  { route: "/", as: "visitor" },
  {
    route: "/login",
    as: "visitor",
    states: [
      {
        name: "field errors",
        act: async (page) => {
          await page.getByRole("button", { name: "Sign in" }).click();
          await expect(page.getByRole("alert").first()).toBeVisible();
        },
      },
    ],
  },
  { route: "/reset-password", as: "visitor" },
  { route: "/reset-password/[token]", as: "visitor", path: (ids) => ids.resetPath! },
  { route: "/invite/[token]", as: "visitor", path: (ids) => ids.invitePath! },
  { route: "/forbidden", as: "visitor" },

  { route: "/catalog", as: "buyer", states: [openAccountMenu] },
  {
    route: "/products/[handle]",
    as: "buyer",
    variant: "configurable",
    path: () => "/products/made-to-measure-table",
    ready: priceSettled,
    states: [
      {
        // The glass top rules out a cable port: the value stays focusable and says why on focus.
        name: "an impossible value focused",
        act: async (page) => {
          await page.getByRole("radio", { name: "Tempered glass" }).click();
          await priceSettled(page);
          await page.getByRole("radiogroup", { name: "Cable port" }).getByRole("radio", { name: "Yes" }).focus();
          await expect(page.getByRole("tooltip")).toContainText("A glass top cannot have a cable port.");
        },
      },
    ],
  },
  {
    route: "/products/[handle]",
    as: "buyer",
    variant: "standard",
    path: () => "/products/levelling-feet",
    ready: priceSettled,
  },
  { route: "/products/[handle]", as: "buyer", variant: "unknown (404)", path: () => "/products/no-such-product-a11y" },
  { route: "/quick-order", as: "buyer" },
  { route: "/cart", as: "buyer" },
  { route: "/checkout", as: "buyer" },
  { route: "/orders", as: "buyer" },
  { route: "/orders/[orderId]", as: "buyer", path: (ids) => `/orders/${ids.order}?placed=1` },

  {
    route: "/approvals",
    as: "approver",
    states: [
      {
        name: "rejecting",
        act: async (page) => {
          await page.getByRole("button", { name: "Reject…" }).click();
          await expect(page.getByLabel("Reason for rejecting (the buyer reads this)")).toBeVisible();
        },
      },
    ],
  },
  { route: "/orders/organisation", as: "approver" },

  { route: "/portal", as: "orgAdmin", states: [openAccountMenu] },
  {
    route: "/portal/organisation",
    as: "orgAdmin",
    states: [
      {
        name: "invitation dialog with field errors",
        act: async (page) => {
          await page.getByRole("button", { name: "Invite member" }).click();
          const dialog = page.getByRole("dialog");
          await dialog.getByLabel("Email").fill("not an email");
          await dialog.getByRole("button", { name: "Send invitation" }).click();
          await expect(dialog.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
        },
      },
    ],
  },
  { route: "/portal/organisation/invoices", as: "orgAdmin" },
  { route: "/portal/organisation/approval-rules", as: "orgAdmin" },

  {
    route: "/portal/pricing",
    as: "dataManager",
    states: [
      {
        name: "new price list dialog",
        act: async (page) => {
          await page.getByRole("button", { name: "New price list" }).click();
          await expect(page.getByRole("dialog")).toBeVisible();
        },
      },
    ],
  },
  ...(["live", "draft"] as const).map((variant): TVisit => ({
    route: "/portal/pricing/versions/[versionId]",
    as: "dataManager",
    variant,
    path: (ids) => `/portal/pricing/versions/${ids[`${variant}PriceList`]}`,
    states:
      variant === "draft"
        ? [
            {
              name: "new base price form",
              act: async (page) => {
                await page.getByRole("button", { name: "Add base price" }).click();
                await expect(page.getByRole("form", { name: "New base price" })).toBeVisible();
              },
            },
          ]
        : [],
  })),
  ...["changes", "history", "simulate", "what-if"].map((tab): TVisit => ({
    route: `/portal/pricing/versions/[versionId]/${tab}`,
    as: "dataManager",
    path: (ids) => `/portal/pricing/versions/${ids.livePriceList}/${tab}`,
  })),
  { route: "/portal/configurator", as: "dataManager" },
  ...(["live", "draft"] as const).map((variant): TVisit => ({
    route: "/portal/configurator/versions/[versionId]",
    as: "dataManager",
    variant,
    path: (ids) => `/portal/configurator/versions/${ids[`${variant}Model`]}`,
  })),
  { route: "/portal/product-content", as: "dataManager" },
  { route: "/portal/audit", as: "dataManager" },

  ...["", "/queues", "/inbox", "/sync-log", "/drift", "/catalog-import"].map((tab): TVisit => ({
    route: `/portal/operations${tab}`,
    as: "operator",
  })),
  {
    route: "/portal/operations/orders/[orderId]",
    as: "operator",
    path: (ids) => `/portal/operations/orders/${ids.order}`,
  },
  { route: "/portal/mappings", as: "operator" },
  { route: "/portal/organisations", as: "operator" },
  { route: "/portal/organisations/onboard", as: "operator" },
];

const screenshotName = (label: string) => `a11y-${label.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

async function checkPage(page: Page, label: string): Promise<void> {
  expect.soft(await seriousViolations(page), `axe on ${label}`).toEqual([]);
}

/** Opens each page of the role's rows, checks it and its further states; violations are collected, not fatal. */
async function checkVisits(page: Page, role: TRole, ids: TIds = {}): Promise<void> {
  for (const visit of VISITS.filter((row) => row.as === role)) {
    const label = `${visit.route}${visit.variant ? ` (${visit.variant})` : ""} as ${role}`;
    await test.step(label, async () => {
      await page.goto(visit.path?.(ids) ?? visit.route);
      await expect(page.locator("h1").first()).toBeVisible();
      await visit.ready?.(page);
      // Client components hydrate and fetch after the first paint; polling pages never go quiet.
      await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
      await checkPage(page, label);
      await screenshot(page, screenshotName(label));
      for (const state of visit.states ?? []) {
        await state.act(page);
        await checkPage(page, `${label}, ${state.name}`);
        await screenshot(page, screenshotName(`${label}, ${state.name}`));
      }
    });
  }
}

async function signedIn(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

test("[A11Y] every page of the app (app/**/page.tsx) has an axe check", () => {
  const checked = new Set(VISITS.map((visit) => visit.route));
  const pages = appPageRoutes();
  expect(pages.length).toBeGreaterThan(30);
  expect(
    pages.filter((route) => !checked.has(route)),
    "pages without a row in e2e/accessibility.spec.ts",
  ).toEqual([]);
  expect(
    [...checked].filter((route) => !pages.includes(route)),
    "rows for pages that no longer exist",
  ).toEqual([]);
});

test("[A11Y] sign-in, password reset, invitation and error pages: no serious or critical WCAG violations", async ({
  page,
  browser,
  seedOrganisation,
}) => {
  test.setTimeout(180_000);
  const { organisation, buyer, admin } = await seedOrganisation();
  // The links as people get them: from the emails the worker sends.
  await page.goto("/reset-password");
  await page.getByLabel("Email").fill(buyer.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("we have emailed it a link")).toBeVisible();
  await checkPage(page, "/reset-password, link sent");
  const admins = await (await browser.newContext()).newPage();
  await signedIn(admins, admin.email);
  await admins.goto("/portal/organisation");
  await admins.getByRole("button", { name: "Invite member" }).click();
  const invitee = `a11y-invitee-${Date.now()}@test.tradepost.example`;
  await admins.getByRole("dialog").getByLabel("Email").fill(invitee);
  await admins.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
  await expect(admins.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await admins.context().close();
  const ids = {
    resetPath: new URL(linkIn(await waitForEmail(buyer.email, /Reset your Tradepost password/), "/reset-password/"))
      .pathname,
    invitePath: new URL(linkIn(await waitForEmail(invitee, new RegExp(organisation.name)), "/invite/")).pathname,
  };

  await checkVisits(page, "visitor", ids);
});

test("[A11Y] a buyer's storefront with a cart and an order: no serious or critical WCAG violations", async ({
  page,
  db,
}) => {
  test.setTimeout(240_000);
  const acme = await acmeReadyForCheckout(db);
  const buyer = await createUser(db, { role: "BUYER", organisationId: acme.id });
  const order = await seedOrder(db, {
    organisationId: acme.id,
    buyerId: buyer.id,
    poNumber: "PO-A11Y-1",
    odooOrderName: "S0A11Y",
    pushStatus: "PUSHED",
  });
  await signedIn(page, buyer.email);
  for (const product of ["made-to-measure-table", "levelling-feet"]) {
    await page.goto(`/products/${product}`);
    await priceSettled(page);
    await page.getByRole("button", { name: "Add to cart" }).click();
    // The first cart of a fresh stack takes Medusa a while.
    await expect(page.getByText("Added to your cart.")).toBeVisible({ timeout: 30_000 });
  }
  await checkPage(page, "/products/[handle] with the added-to-cart message");

  await checkVisits(page, "buyer", { order: order.id });
});

test("[A11Y] an approver's approvals and organisation orders: no serious or critical WCAG violations", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { organisation, buyer } = await seedOrganisation();
  const approver = await createUser(db, { role: "APPROVER", organisationId: organisation.id });
  await seedOrder(db, { organisationId: organisation.id, buyerId: buyer.id, poNumber: "PO-A11Y-2" });
  await seedOrder(db, {
    organisationId: organisation.id,
    buyerId: buyer.id,
    status: "PENDING_APPROVAL",
    poNumber: "PO-A11Y-3",
    approvalExpiresAt: new Date(Date.now() + 3 * 86_400_000),
    approvalSteps: [{ reason: "Order total above €1,000.00", requiredRole: "APPROVER", status: "WAITING" }],
  });
  await signedIn(page, approver.email);

  await checkVisits(page, "approver");
});

test("[A11Y] an organisation admin's portal: no serious or critical WCAG violations", async ({ page, db }) => {
  test.setTimeout(180_000);
  const acme = await acmeReadyForCheckout(db);
  const admin = await createUser(db, { role: "ORG_ADMIN", organisationId: acme.id });
  await signedIn(page, admin.email);

  await checkVisits(page, "orgAdmin");
});

test("[A11Y] a data manager's price lists and product models, live and draft: no serious or critical WCAG violations", async ({
  page,
  db,
  seedStaff,
}) => {
  test.setTimeout(180_000);
  const manager = await seedStaff("DATA_MANAGER");
  const livePriceList = await db.pricingRuleSetVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", ruleSet: { currency: "EUR" } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
  });
  const liveModel = await db.configuratorModelVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", model: { productHandle: "made-to-measure-table" } },
    orderBy: { number: "desc" },
  });
  // Drafts are edited in forms that published versions only show: a price list and a product model
  // of their own (no organisation buys in CHF; the model's product is not in the catalogue), removed after.
  const suffix = Date.now().toString(36);
  const draftPriceList = await db.pricingRuleSetVersion.create({
    data: {
      ruleSet: { create: { name: `Accessibility check ${suffix}`, currency: "CHF", lastVersionNumber: 1 } },
      number: 1,
      rules: livePriceList.rules as object[],
      policy: livePriceList.policy as object,
      note: "e2e accessibility check",
    },
  });
  const draftModel = await db.configuratorModelVersion.create({
    data: {
      model: { create: { productHandle: `a11y-check-${suffix}`, title: "Accessibility check", lastVersionNumber: 1 } },
      number: 1,
      definition: liveModel.definition as object,
    },
  });
  try {
    await signedIn(page, manager.email);
    await checkVisits(page, "dataManager", {
      livePriceList: livePriceList.id,
      draftPriceList: draftPriceList.id,
      liveModel: liveModel.id,
      draftModel: draftModel.id,
    });
  } finally {
    await db.pricingRuleSetVersion.deleteMany({ where: { ruleSetId: draftPriceList.ruleSetId } });
    await db.pricingRuleSet.delete({ where: { id: draftPriceList.ruleSetId } });
    await db.configuratorModelVersion.deleteMany({ where: { modelId: draftModel.modelId } });
    await db.configuratorModel.delete({ where: { id: draftModel.modelId } });
  }
});

test("[A11Y] an operator's operations console, mappings and organisations: no serious or critical WCAG violations", async ({
  page,
  seedOrganisation,
  seedStaff,
  db,
}) => {
  test.setTimeout(180_000);
  const [{ organisation, buyer }, operator] = await Promise.all([seedOrganisation(), seedStaff("OPERATOR")]);
  const order = await seedOrder(db, { organisationId: organisation.id, buyerId: buyer.id, poNumber: "PO-A11Y-4" });
  await signedIn(page, operator.email);

  await checkVisits(page, "operator", { order: order.id });
});
