import { describe, expect, it } from "vitest";
import { nextDay, readOrderFilters, startOfDayIn } from "@/lib/orders/order-filters";

const BUYER = "0193a4c2-7d1e-7c3a-9b1f-2f4e5d6c7b8a";

describe("readOrderFilters", () => {
  it("reads every filter and the page", () => {
    expect(
      readOrderFilters({
        buyer: BUYER,
        status: "PLACED",
        from: "2026-11-01",
        to: "2026-11-30",
        po: " PO-7 ",
        page: "3",
      }),
    ).toEqual({
      filters: { buyer: BUYER, status: "PLACED", from: "2026-11-01", to: "2026-11-30", po: "PO-7", page: 3 },
      fieldErrors: {},
    });
    expect(readOrderFilters({})).toEqual({ filters: { page: 1 }, fieldErrors: {} });
  });

  it("drops what does not parse and says why, keeping the rest", () => {
    const { filters, fieldErrors } = readOrderFilters({
      buyer: "1 OR 1=1",
      status: "SHIPPED",
      from: "2026-02-30",
      to: "yesterday",
      po: "x".repeat(41),
      page: "-2",
    });
    expect(filters).toEqual({ page: 1 });
    expect(Object.keys(fieldErrors).sort()).toEqual(["buyer", "from", "page", "po", "status", "to"]);
    expect(fieldErrors.from).toEqual(["This is not a date."]);
    expect(fieldErrors.to).toEqual(["Use a date like 2026-12-31."]);
  });

  it("refuses an end before the start, keeps the start; takes the first of repeated params", () => {
    expect(readOrderFilters({ from: "2026-11-10", to: "2026-11-01", status: ["REJECTED", "PLACED"] })).toEqual({
      filters: { from: "2026-11-10", status: "REJECTED", page: 1 },
      fieldErrors: { to: ["The end date is before the start date."] },
    });
  });
});

describe("startOfDayIn", () => {
  it("is midnight in the organisation's time zone, across DST changes", () => {
    expect(startOfDayIn("2026-12-03", "UTC").toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(startOfDayIn("2026-12-03", "Europe/Amsterdam").toISOString()).toBe("2026-12-02T23:00:00.000Z");
    expect(startOfDayIn("2026-07-01", "Europe/Amsterdam").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfDayIn("2026-03-29", "Europe/Amsterdam").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-03-30", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDayIn("2026-12-03", "America/New_York").toISOString()).toBe("2026-12-03T05:00:00.000Z");
    expect(startOfDayIn("2026-12-03", "Not/AZone").toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("drops a PO filter with a NUL or other control character (PostgreSQL text cannot hold NUL)", () => {
    const { filters, fieldErrors } = readOrderFilters({ po: "PO\u00007" });
    expect(filters.po).toBeUndefined();
    expect(fieldErrors.po).toEqual(["A PO number has no control characters."]);
  });

  it("nextDay crosses months and years", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
