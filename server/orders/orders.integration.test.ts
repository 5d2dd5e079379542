// What a buyer, an approver and an org admin read after the order: own orders, the organisation's
// with filters, the detail, the CSV export (reorder: reorder.integration.test.ts). Orders are
// written straight into the database, as checkout leaves them.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionOf } from "../../test/support/cart";
import { signInAs } from "../../test/support/next-request-scope";
import { SCREEN_LINE, seedOrder, TABLE_LINE } from "../../test/support/orders";
import { testDb } from "../../test/support/db";
import { createOrganisation, createUser } from "../../prisma/seed/factories";
import { GET as exportRoute } from "@/app/(storefront)/orders/export/route";
import { readOrderFilters } from "@/lib/orders/order-filters";
import { findOrganisationOrders } from "@/server/orders/find-organisation-orders";
import { findOwnOrders } from "@/server/orders/find-own-orders";
import { getOrderDetailOrThrow } from "@/server/orders/get-order-detail";

const db = testDb();
afterAll(() => db.$disconnect());

type TUser = Awaited<ReturnType<typeof createUser>>;
const filters = (params: Record<string, string>) => readOrderFilters(params).filters;
const refs = (orders: { reference: string }[]) => orders.map((order) => order.reference).sort();
const notFound = expect.objectContaining({ code: "NOT_FOUND" });

describe("reading orders, scoped to the reader", () => {
  let orgA: string;
  let buyer1: TUser, buyer2: TUser, approver: TUser, admin: TUser, buyerB: TUser, adminB: TUser, operator: TUser;
  const o: Record<string, Awaited<ReturnType<typeof seedOrder>>> = {};

  beforeAll(async () => {
    const [a, b] = await Promise.all([
      createOrganisation(db, { name: `Orders A ${Date.now()}` }),
      createOrganisation(db, { name: `Orders B ${Date.now()}` }),
    ]);
    orgA = a.id;
    await db.organisation.update({ where: { id: orgA }, data: { timeZone: "Europe/Amsterdam" } });
    [buyer1, buyer2, approver, admin, buyerB, adminB, operator] = await Promise.all([
      createUser(db, { role: "BUYER", organisationId: orgA, name: "Anna, de Vries" }),
      createUser(db, { role: "BUYER", organisationId: orgA, name: "Bram Jansen" }),
      createUser(db, { role: "APPROVER", organisationId: orgA }),
      createUser(db, { role: "ORG_ADMIN", organisationId: orgA }),
      createUser(db, { role: "BUYER", organisationId: b.id }),
      createUser(db, { role: "ORG_ADMIN", organisationId: b.id }),
      createUser(db, { role: "OPERATOR" }),
    ]);
    // Anna's first order lands at 00:30 on 1 December in Amsterdam, still 30 November in UTC.
    o.anna1 = await seedOrder(db, {
      organisationId: orgA,
      buyerId: buyer1.id,
      poNumber: "=SUM(A1:A9)",
      submittedAt: new Date("2026-11-30T23:30:00Z"),
      odooOrderName: "S00042",
      pushStatus: "PUSHED",
      lines: [TABLE_LINE, SCREEN_LINE],
    });
    o.anna2 = await seedOrder(db, {
      organisationId: orgA,
      buyerId: buyer1.id,
      status: "REJECTED",
      poNumber: "PO-7781",
      submittedAt: new Date("2026-11-30T22:30:00Z"),
      decisionReason: "Over this quarter's budget",
      approvalSteps: [
        { reason: "Order total above €1,000.00", requiredRole: "APPROVER", status: "APPROVED" },
        { reason: "Order total above €2,000.00", requiredRole: "ORG_ADMIN", status: "REJECTED", comment: "Not now" },
      ],
    });
    await db.approvalStep.updateMany({
      where: { orderId: o.anna2.id, position: 1 },
      data: { decidedById: approver.id, decidedAt: new Date("2026-12-01T08:00:00Z") },
    });
    await db.approvalStep.updateMany({
      where: { orderId: o.anna2.id, position: 2 },
      data: { decidedById: admin.id, decidedAt: new Date("2026-12-01T09:00:00Z") },
    });
    o.bram = await seedOrder(db, {
      organisationId: orgA,
      buyerId: buyer2.id,
      status: "PENDING_APPROVAL",
      poNumber: "po-7790",
      submittedAt: new Date("2026-12-02T10:00:00Z"),
    });
    o.salesRep = await seedOrder(db, {
      organisationId: orgA,
      buyerId: null,
      source: "SALES_REP",
      pushStatus: "NOT_APPLICABLE",
      odooOrderName: "S00077",
      submittedAt: new Date("2026-12-03T09:00:00Z"),
    });
    o.other = await seedOrder(db, { organisationId: b.id, buyerId: buyerB.id, poNumber: "PO-7781" });
  });

  it("a buyer lists their own orders and the organisation's sales-rep orders, newest first", async () => {
    const page = await findOwnOrders(await sessionOf(buyer1));
    expect(page.orders.map((order) => order.reference)).toEqual([
      o.salesRep!.reference,
      o.anna1!.reference,
      o.anna2!.reference,
    ]);
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(page.orders[1]).toMatchObject({ lineCount: 2, buyerName: "Anna, de Vries", odooOrderName: "S00042" });
    expect(refs((await findOwnOrders(await sessionOf(buyerB))).orders)).toEqual([o.other!.reference]);
  });

  it("an order outside the reader's scope is not found, exactly like one that does not exist", async () => {
    const anna = await sessionOf(buyer1);
    expect((await getOrderDetailOrThrow(anna, o.anna1!.id)).reference).toBe(o.anna1!.reference);
    // Sales-rep orders have no buyer; every buyer of the organisation sees them (J6, order-scope.ts).
    expect((await getOrderDetailOrThrow(anna, o.salesRep!.id)).source).toBe("SALES_REP");
    for (const [user, id] of [
      [buyer1, o.bram!.id], // a colleague's
      [buyerB, o.anna1!.id], // another organisation's
      [adminB, o.anna1!.id],
      [operator, o.anna1!.id], // staff read orders in Odoo, not here
      [buyer1, "0193a4c2-7d1e-7c3a-9b1f-2f4e5d6c7b8a"],
      [buyer1, "not-an-id' OR 1=1"],
    ] as const) {
      await expect(getOrderDetailOrThrow(await sessionOf(user), id)).rejects.toEqual(notFound);
    }
  });

  it("org admins and approvers read every order of their organisation, sales-rep orders included", async () => {
    const all = [o.anna1!, o.anna2!, o.bram!, o.salesRep!].map((order) => order.reference).sort();
    for (const session of [await sessionOf(admin), await sessionOf(approver)]) {
      expect(refs((await findOrganisationOrders(session, filters({}))).orders)).toEqual(all);
      expect((await getOrderDetailOrThrow(session, o.bram!.id)).reference).toBe(o.bram!.reference);
    }
    await expect(findOrganisationOrders(await sessionOf(buyer1), filters({}))).rejects.toEqual(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    const forB = await findOrganisationOrders(await sessionOf(adminB), filters({}));
    expect(refs(forB.orders)).toEqual([o.other!.reference]);
    expect(forB.buyers.map((buyer) => buyer.id)).not.toContain(buyer1.id);
  });

  it("shows the detail: addresses, ERP reference, lines with breakdown, the approval trail with names", async () => {
    const detail = await getOrderDetailOrThrow(await sessionOf(admin), o.anna2!.id);
    expect(detail).toMatchObject({
      status: "REJECTED",
      decisionReason: "Over this quarter's budget",
      buyer: { name: "Anna, de Vries", email: buyer1.email },
      isOwn: false,
      address: ["Acme Interiors — Warehouse", "Industrieweg 12", "3542 AD Utrecht", "Netherlands"],
      carrierName: "DHL Freight",
      canReorder: true,
    });
    expect(detail.approvalSteps).toEqual([
      expect.objectContaining({ position: 1, status: "APPROVED", decidedBy: approver.name, comment: null }),
      expect.objectContaining({ position: 2, status: "REJECTED", decidedBy: admin.name, comment: "Not now" }),
    ]);
    const placed = await getOrderDetailOrThrow(await sessionOf(buyer1), o.anna1!.id);
    expect(placed.lines.map((line) => [line.sku, line.quantity, line.unitPriceMinor, line.lineTotalMinor])).toEqual([
      ["TBL-ATELIER-WALNUT", 2, 121_050, 242_100],
      ["ACC-SCREEN-1600", 4, 9_000, 36_000],
    ]);
    expect(placed.lines[0]!.breakdown).toEqual(TABLE_LINE.breakdown);
    expect(placed).toMatchObject({ subtotalMinor: 278_100, shippingMinor: 2_500, odooOrderName: "S00042" });
    expect(placed.totalMinor).toBe(278_100 + 2_500 + Math.round(280_600 * 0.21));
  });

  it("filters by buyer, status, PO and calendar days in the organisation's time zone, never beyond it", async () => {
    const as = await sessionOf(admin);
    const list = async (params: Record<string, string>) =>
      refs((await findOrganisationOrders(as, filters(params))).orders);
    expect(await list({ buyer: buyer1.id })).toEqual(refs([o.anna1!, o.anna2!]));
    expect(await list({ buyer: buyerB.id })).toEqual([]);
    expect(await list({ status: "PENDING_APPROVAL" })).toEqual([o.bram!.reference]);
    expect(await list({ po: "PO-77" })).toEqual(refs([o.anna2!, o.bram!]));
    // 1 December in Amsterdam starts at 23:00 UTC on 30 November: Anna's 23:30 order is in, her 22:30 one is not.
    expect(await list({ from: "2026-12-01", to: "2026-12-01" })).toEqual([o.anna1!.reference]);
    expect(await list({ to: "2026-11-30" })).toEqual([o.anna2!.reference]);
    expect(await list({ from: "2026-12-02", status: "PLACED" })).toEqual([o.salesRep!.reference]);
    // Bad params are dropped, the list still shows.
    expect(await list({ status: "DROP TABLE", from: "2026-13-45", buyer: "x" })).toHaveLength(4);
  });

  it("pages long lists", async () => {
    const org = await createOrganisation(db);
    const [buyer, orgAdmin] = await Promise.all([
      createUser(db, { role: "BUYER", organisationId: org.id }),
      createUser(db, { role: "ORG_ADMIN", organisationId: org.id }),
    ]);
    for (let index = 0; index < 30; index++)
      await seedOrder(db, {
        organisationId: org.id,
        buyerId: buyer.id,
        submittedAt: new Date(Date.UTC(2026, 10, 1, 0, index)),
      });
    const as = await sessionOf(orgAdmin);
    const first = await findOrganisationOrders(as, filters({}));
    const second = await findOrganisationOrders(as, filters({ page: "2" }));
    expect([first.orders.length, second.orders.length, first.pageCount, first.total]).toEqual([25, 5, 2, 30]);
    expect(new Set([...refs(first.orders), ...refs(second.orders)]).size).toBe(30);
    expect((await findOrganisationOrders(as, filters({ page: "99" }))).page).toBe(2);
    expect((await findOwnOrders(await sessionOf(buyer), { page: 2 })).orders).toHaveLength(5);
  });

  it("exports the filtered list as CSV: escaped, formula-guarded, decimal amounts; org admins and approvers only", async () => {
    const get = async (query: string) => {
      const response = await exportRoute(
        new (await import("next/server")).NextRequest(`http://localhost/orders/export${query}`),
        undefined as never,
      );

      return { status: response.status, headers: response.headers, text: await response.text() };
    };
    signInAs(admin);
    const all = await get("?status=NOPE");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(all.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = Papa.parse<string[]>(all.text.replace(/^\uFEFF/, "").trimEnd(), { newline: "\r\n" }).data;
    expect(rows).toHaveLength(5);
    expect(
      rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(refs([o.anna1!, o.anna2!, o.bram!, o.salesRep!]));
    expect(rows.find((row) => row[0] === o.anna1!.reference)).toEqual([
      o.anna1!.reference,
      "2026-11-30 23:30:00",
      "2026-11-30 23:30:00",
      "Placed",
      "Online",
      "Anna, de Vries",
      buyer1.email,
      "'=SUM(A1:A9)",
      "S00042",
      "2",
      "EUR",
      "2781.00",
      "25.00",
      "589.26",
      "3395.26",
    ]);
    // The raw bytes: the name with a comma is quoted, the formula prefixed inside its field.
    expect(all.text).toContain(
      `,"Anna, de Vries",${buyer1.email},'=SUM(A1:A9),S00042,2,EUR,2781.00,25.00,589.26,3395.26`,
    );
    expect(rows.find((row) => row[0] === o.salesRep!.reference)!.slice(3, 6)).toEqual([
      "Placed",
      "Sales representative",
      "",
    ]);

    const filtered = await get(`?po=po-77&status=REJECTED`);
    expect(
      filtered.text
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0]),
    ).toEqual([o.anna2!.reference]);
    signInAs(approver);
    expect((await get("")).status).toBe(200);
    signInAs(buyer1);
    expect(await get("")).toMatchObject({ status: 403 });
    signInAs(adminB);
    expect((await get("")).text).not.toContain(o.anna1!.reference);
    signInAs(null);
    expect(await get("")).toMatchObject({ status: 401 });
  });
});
