import { readFile } from "node:fs/promises";
import { createOrganisation, createUser } from "../prisma/seed/factories";
import { SCREEN_LINE, seedOrder, TABLE_LINE } from "../test/support/orders";
import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// After the order (J3's end, J7's organisation view). Orders are written straight into the
// database as checkout leaves them, so these pages are tested on their own; each test seeds its
// own organisations and people.

test("[ORDERS] a buyer reads their orders and an approval trail, never a colleague's or another organisation's, and reorders at today's prices", async ({
  page,
  db,
  seedOrganisation,
}) => {
  const { organisation, buyer } = await seedOrganisation();
  const colleague = await createUser(db, { role: "BUYER", organisationId: organisation.id, name: "Colleague" });
  const decider = await createUser(db, { role: "ORG_ADMIN", organisationId: organisation.id, name: "Dana Admin" });
  const other = await seedOrganisation();
  const placed = await seedOrder(db, {
    organisationId: organisation.id,
    buyerId: buyer.id,
    poNumber: "PO-2026-118",
    notes: "Deliver to dock 4, mornings only.",
    odooOrderName: "S00042",
    pushStatus: "PUSHED",
    lines: [
      { ...TABLE_LINE, unitPriceMinor: 100_000 },
      SCREEN_LINE,
      { sku: "GONE-0001", title: "Discontinued Lamp", quantity: 1, unitPriceMinor: 4_900 },
    ],
  });
  const rejected = await seedOrder(db, {
    organisationId: organisation.id,
    buyerId: buyer.id,
    status: "REJECTED",
    decisionReason: "Over this quarter's budget",
    submittedAt: new Date(Date.now() - 86_400_000),
    approvalSteps: [
      {
        reason: "Order total above €1,000.00",
        requiredRole: "ORG_ADMIN",
        status: "REJECTED",
        decidedById: decider.id,
        decidedAt: new Date(),
        comment: "Wait for January",
      },
    ],
  });
  const colleagues = await seedOrder(db, { organisationId: organisation.id, buyerId: colleague.id });
  const foreign = await seedOrder(db, { organisationId: other.organisation.id, buyerId: other.buyer.id });

  await signIn(page, buyer.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/orders");
  await expect(page.getByRole("heading", { name: "Your orders" })).toBeVisible();
  await expect(page.getByTestId("order-row")).toHaveCount(2);
  await expect(page.getByTestId("order-row").first()).toContainText(placed.reference);
  await expect(page.getByTestId("order-row").first()).toContainText("S00042");
  await expect(page.getByTestId("order-row").nth(1)).toContainText("Rejected");
  await expect(page.getByText(colleagues.reference)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /All orders of/ })).toHaveCount(0);
  await screenshot(page, "orders-own-list");

  await page.goto(`/orders/${placed.id}?placed=1`);
  await expect(page.getByRole("status").filter({ hasText: `Order ${placed.reference} placed` })).toContainText(
    `We'll email you at ${buyer.email}`,
  );
  await expect(page.getByTestId("erp-reference")).toHaveText("ERP reference S00042");
  await expect(page.getByText("PO-2026-118")).toBeVisible();
  await expect(page.getByText("Industrieweg 12")).toBeVisible();
  await expect(page.getByText("Deliver to dock 4, mornings only.")).toBeVisible();
  await expect(page.getByTestId("order-line")).toHaveCount(3);
  await expect(page.getByTestId("order-line").first()).toContainText("Top Walnut · Width 1800 mm");
  await expect(page.getByTestId("order-total")).toHaveText(
    `€${(placed.totalMinor / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`,
  );
  await screenshot(page, "orders-detail-placed");

  await page.getByRole("button", { name: "Reorder" }).click();
  const report = page.getByRole("status", { name: "Reorder result" });
  await expect(report).toContainText(`2 lines of ${placed.reference} added to your cart at today's prices.`);
  await expect(report.getByTestId("reorder-added").first()).toContainText("€1,000.00");
  await expect(report.getByTestId("reorder-added").first()).toContainText(/ (more|less)$/);
  await expect(report.getByTestId("reorder-not-added")).toHaveText(
    "Discontinued Lamp (GONE-0001, 1): This product is no longer in the catalogue.",
  );
  await screenshot(page, "orders-reorder");
  await report.getByRole("link", { name: "Go to the cart" }).click();
  await expect(page.getByText("Atelier Made-to-Measure Table").first()).toBeVisible();
  await expect(page.getByText("Acoustic Desk Screen").first()).toBeVisible();

  await page.goto(`/orders/${rejected.id}`);
  await expect(page.getByRole("heading", { name: `Approval request ${rejected.reference}` })).toBeVisible();
  await expect(page.getByTestId("order-decision")).toContainText("Reason: Over this quarter's budget");
  await expect(page.getByTestId("approval-step")).toContainText("Rejected by Dana Admin");
  await expect(page.getByTestId("approval-step")).toContainText("“Wait for January”");
  await expect(page.getByTestId("erp-reference")).toHaveText("—");
  await screenshot(page, "orders-detail-rejected");

  for (const id of [colleagues.id, foreign.id, "0193a4c2-7d1e-7c3a-9b1f-2f4e5d6c7b8a", "nonsense"]) {
    const response = await page.goto(`/orders/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
  await page.goto("/orders/organisation");
  await expect(page).toHaveURL(/\/forbidden/);
  expect((await page.request.get("/orders/export")).status()).toBe(403);
});

test("[ORDERS] an org admin filters the organisation's orders, sales-rep orders included, and exports the filtered list", async ({
  page,
  db,
}) => {
  const organisation = await createOrganisation(db);
  const [admin, anna, bram] = await Promise.all([
    createUser(db, { role: "ORG_ADMIN", organisationId: organisation.id, name: "Olga Admin" }),
    createUser(db, { role: "BUYER", organisationId: organisation.id, name: "Anna, de Vries" }),
    createUser(db, { role: "BUYER", organisationId: organisation.id, name: "Bram Jansen" }),
  ]);
  const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
  const annas = await seedOrder(db, {
    organisationId: organisation.id,
    buyerId: anna.id,
    poNumber: '=HYPERLINK("http://evil")',
    submittedAt: day("2026-11-20"),
  });
  const pending = await seedOrder(db, {
    organisationId: organisation.id,
    buyerId: bram.id,
    status: "PENDING_APPROVAL",
    poNumber: "PO-881",
    submittedAt: day("2026-11-25"),
    approvalExpiresAt: day("2026-11-28"),
    approvalSteps: [{ reason: "Order total above €1,000.00", requiredRole: "ORG_ADMIN", status: "WAITING" }],
  });
  const salesRep = await seedOrder(db, {
    organisationId: organisation.id,
    buyerId: null,
    source: "SALES_REP",
    pushStatus: "NOT_APPLICABLE",
    odooOrderName: "S00077",
    submittedAt: day("2026-11-27"),
  });
  const other = await createOrganisation(db);
  const otherBuyer = await createUser(db, { role: "BUYER", organisationId: other.id });
  const foreign = await seedOrder(db, {
    organisationId: other.id,
    buyerId: otherBuyer.id,
    submittedAt: day("2026-11-26"),
  });

  await signIn(page, admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/orders");
  await page.getByRole("link", { name: /All orders of/ }).click();
  await expect(page.getByRole("heading", { name: `Orders of ${organisation.name}` })).toBeVisible();
  const rows = page.getByTestId("order-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(salesRep.reference);
  await expect(rows.first()).toContainText("Sales representative");
  await expect(page.getByText(foreign.reference)).toHaveCount(0);
  await screenshot(page, "orders-organisation");

  await page.getByLabel("Buyer").selectOption({ label: "Bram Jansen" });
  await page.getByLabel("Status").selectOption({ label: "Awaiting approval" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=PENDING_APPROVAL/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(pending.reference);

  await page.goto("/orders/organisation?from=2026-11-21&to=2026-11-26");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(pending.reference);
  await page.goto("/orders/organisation?po=hyperlink");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(annas.reference);

  // A hand-edited URL: the bad filters are shown as field errors, the list still shows.
  const response = await page.goto("/orders/organisation?status=SHIPPED&from=2026-02-31&to=2026-11-30&page=x");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Choose a status from the list.")).toBeVisible();
  await expect(page.getByText("This is not a date.")).toBeVisible();
  await expect(rows).toHaveCount(3);
  await screenshot(page, "orders-organisation-bad-filters");

  await page.goto("/orders/organisation?from=2026-11-01&to=2026-11-30");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "Reference,Submitted (UTC),Placed (UTC),Status,Source,Buyer,Buyer email,PO number,ERP reference,Lines,Currency,Subtotal,Shipping,Tax,Total",
  );
  expect(lines).toHaveLength(4);
  expect(lines.find((line) => line.startsWith(annas.reference))).toBe(
    [
      annas.reference,
      "2026-11-20 10:00:00",
      "2026-11-20 10:00:00",
      "Placed",
      "Online",
      '"Anna, de Vries"',
      anna.email,
      '"\'=HYPERLINK(""http://evil"")"',
      "",
      "1",
      "EUR",
      "360.00",
      "25.00",
      "80.85",
      "465.85",
    ].join(","),
  );
  expect(csv).not.toContain(foreign.reference);
});
