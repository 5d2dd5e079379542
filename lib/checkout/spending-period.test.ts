import { describe, expect, it } from "vitest";
import {
  describeSpendingPeriod,
  isValidTimeZone,
  spendingPeriodBounds,
  type TSpendingPeriod,
  zonedDateOf,
} from "@/lib/checkout/spending-period";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

const bounds = (period: TSpendingPeriod, at: string, timeZone: string) => {
  const { start, end } = spendingPeriodBounds(period, new Date(at), timeZone);
  return { start: start.toISOString(), end: end.toISOString() };
};

describe("spendingPeriodBounds: months", () => {
  it("puts the last second of December in December and the next second in January (Berlin, winter time)", () => {
    expect(bounds("MONTH", "2026-12-31T22:59:59.999Z", BERLIN)).toEqual({
      start: "2026-11-30T23:00:00.000Z",
      end: "2026-12-31T23:00:00.000Z",
    });
    expect(bounds("MONTH", "2026-12-31T23:00:00.000Z", BERLIN)).toEqual({
      start: "2026-12-31T23:00:00.000Z",
      end: "2027-01-31T23:00:00.000Z",
    });
  });

  it("starts and ends a month across the spring change at local midnight (Berlin March: 31 days minus one hour)", () => {
    const { start, end } = bounds("MONTH", "2026-03-15T12:00:00Z", BERLIN);
    expect({ start, end }).toEqual({ start: "2026-02-28T23:00:00.000Z", end: "2026-03-31T22:00:00.000Z" });
    expect((Date.parse(end) - Date.parse(start)) / 3_600_000).toBe(31 * 24 - 1);
  });

  it("keeps the evening of the 30th November in New York in November, although it is December in UTC", () => {
    expect(bounds("MONTH", "2026-12-01T03:00:00Z", NEW_YORK)).toEqual({
      start: "2026-11-01T04:00:00.000Z",
      end: "2026-12-01T05:00:00.000Z",
    });
    expect(bounds("MONTH", "2026-12-01T05:00:00Z", NEW_YORK).start).toBe("2026-12-01T05:00:00.000Z");
  });

  it("handles the last second of February in a leap year", () => {
    expect(bounds("MONTH", "2028-02-29T22:59:59Z", BERLIN)).toEqual({
      start: "2028-01-31T23:00:00.000Z",
      end: "2028-02-29T23:00:00.000Z",
    });
  });
});

describe("spendingPeriodBounds: days across daylight-saving changes", () => {
  it("gives Berlin's spring-forward day 23 hours and its fall-back day 25", () => {
    const spring = bounds("DAY", "2026-03-29T10:00:00Z", BERLIN);
    expect(spring).toEqual({ start: "2026-03-28T23:00:00.000Z", end: "2026-03-29T22:00:00.000Z" });
    const autumn = bounds("DAY", "2026-10-25T10:00:00Z", BERLIN);
    expect(autumn).toEqual({ start: "2026-10-24T22:00:00.000Z", end: "2026-10-25T23:00:00.000Z" });
    expect((Date.parse(autumn.end) - Date.parse(autumn.start)) / 3_600_000).toBe(25);
  });

  it("counts New York's 01:30 that happens twice on 1 November 2026 in the same day", () => {
    const first = bounds("DAY", "2026-11-01T05:30:00Z", NEW_YORK); // 01:30 EDT
    const second = bounds("DAY", "2026-11-01T06:30:00Z", NEW_YORK); // 01:30 EST
    expect(first).toEqual(second);
    expect(first).toEqual({ start: "2026-11-01T04:00:00.000Z", end: "2026-11-02T05:00:00.000Z" });
  });

  it("starts New York's spring-forward day at midnight EST and ends it at midnight EDT", () => {
    expect(bounds("DAY", "2026-03-08T07:30:00Z", NEW_YORK)).toEqual({
      start: "2026-03-08T05:00:00.000Z",
      end: "2026-03-09T04:00:00.000Z",
    });
  });

  it("starts a day whose midnight does not exist at the moment the clocks jump (Santiago, September)", () => {
    // Chile moves from 00:00 to 01:00 on the first Sunday of September: the day starts at 01:00 -03.
    expect(bounds("DAY", "2026-09-06T15:00:00Z", "America/Santiago").start).toBe("2026-09-06T04:00:00.000Z");
  });
});

describe("spendingPeriodBounds: weeks start on Monday", () => {
  it("runs from Monday 00:00 to the next Monday 00:00, local time", () => {
    // Thursday 3 December 2026.
    expect(bounds("WEEK", "2026-12-03T12:00:00Z", BERLIN)).toEqual({
      start: "2026-11-29T23:00:00.000Z",
      end: "2026-12-06T23:00:00.000Z",
    });
  });

  it("puts Sunday 23:59:59 in its week and Monday 00:00 in the next", () => {
    expect(bounds("WEEK", "2026-12-06T22:59:59Z", BERLIN).end).toBe("2026-12-06T23:00:00.000Z");
    expect(bounds("WEEK", "2026-12-06T23:00:00Z", BERLIN).start).toBe("2026-12-06T23:00:00.000Z");
  });

  it("counts a Monday as the first day of its own week", () => {
    expect(bounds("WEEK", "2026-11-30T08:00:00Z", NEW_YORK).start).toBe("2026-11-30T05:00:00.000Z");
  });

  it("spans a year end and a daylight-saving change", () => {
    expect(bounds("WEEK", "2026-12-31T12:00:00Z", NEW_YORK)).toEqual({
      start: "2026-12-28T05:00:00.000Z",
      end: "2027-01-04T05:00:00.000Z",
    });
    expect(bounds("WEEK", "2026-03-25T12:00:00Z", BERLIN)).toEqual({
      start: "2026-03-22T23:00:00.000Z",
      end: "2026-03-29T22:00:00.000Z",
    });
  });
});

describe("spendingPeriodBounds: quarters", () => {
  it("ends Q1 at midnight of 1 April local time (summer time in Berlin)", () => {
    expect(bounds("QUARTER", "2026-03-31T21:59:59Z", BERLIN)).toEqual({
      start: "2025-12-31T23:00:00.000Z",
      end: "2026-03-31T22:00:00.000Z",
    });
    expect(bounds("QUARTER", "2026-03-31T22:00:00Z", BERLIN)).toEqual({
      start: "2026-03-31T22:00:00.000Z",
      end: "2026-06-30T22:00:00.000Z",
    });
  });

  it("runs Q4 from October (EDT) to the new year (EST) in New York", () => {
    expect(bounds("QUARTER", "2026-12-31T12:00:00Z", NEW_YORK)).toEqual({
      start: "2026-10-01T04:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
    });
  });

  it.each([
    ["2026-01-15T12:00:00Z", "2025-12-31T23:00:00.000Z"],
    ["2026-05-15T12:00:00Z", "2026-03-31T22:00:00.000Z"],
    ["2026-09-30T12:00:00Z", "2026-06-30T22:00:00.000Z"],
    ["2026-10-01T12:00:00Z", "2026-09-30T22:00:00.000Z"],
  ])("puts %s in the quarter starting %s (Berlin)", (at, start) => {
    expect(bounds("QUARTER", at, BERLIN).start).toBe(start);
  });
});

describe("helpers", () => {
  it("reads the local calendar date", () => {
    expect(zonedDateOf(new Date("2026-12-01T03:00:00Z"), NEW_YORK)).toEqual({ year: 2026, month: 11, day: 30 });
  });

  it("states the period for the UI and validates zones", () => {
    expect(describeSpendingPeriod("WEEK", BERLIN)).toBe("per calendar week (Monday to Sunday) in Europe/Berlin");
    expect(isValidTimeZone(NEW_YORK)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
