import { describe, expect, it } from "vitest";
import { availableCreditMinor, formatAge } from "./customer-account";
import { organisationIdFromRef, organisationRef } from "./organisation-ref";

describe("availableCreditMinor", () => {
  it("is the limit minus what is owed, negative when over, unknown without a limit", () => {
    expect(availableCreditMinor(100_000, 25_050)).toBe(74_950);
    expect(availableCreditMinor(100_000, 120_000)).toBe(-20_000);
    expect(availableCreditMinor(null, 5)).toBeNull();
    expect(availableCreditMinor(100, null)).toBeNull();
  });
});

describe("formatAge", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  it.each([
    ["2026-12-03T11:59:55Z", "just now"],
    ["2026-12-03T11:59:30Z", "30 seconds ago"],
    ["2026-12-03T11:55:00Z", "5 minutes ago"],
    ["2026-12-03T09:00:00Z", "3 hours ago"],
    ["2026-12-02T12:00:00Z", "yesterday"],
    ["2026-12-04T12:00:00Z", "just now"],
  ])("%s → %s", (then, text) => expect(formatAge(new Date(then), now)).toBe(text));
});

describe("organisation reference", () => {
  it("is the organisation id, found again in a ref typed with spaces or capitals", () => {
    const id = "0193a000-0000-7000-8000-00000000abcd";
    expect(organisationRef(id)).toBe(id);
    expect(organisationIdFromRef(` ${id.toUpperCase()} `)).toBe(id);
    expect(organisationIdFromRef("TP-ORG-1")).toBeNull();
    expect(organisationIdFromRef(null)).toBeNull();
  });
});
