import { describe, expect, it } from "vitest";
import { ruleIsCurrent, WEBHOOK_RULES, webhookUrl, type TExistingRule } from "@/lib/erp/webhook-rules";

const WANTED = {
  trigger: "on_create_or_write",
  triggerFieldIds: [],
  filterDomain: null,
  url: "https://shop.example/api/webhooks/odoo/t",
  fieldIds: [3, 1, 2],
};
const CURRENT: TExistingRule = {
  active: true,
  trigger: "on_create_or_write",
  triggerFieldIds: [],
  filterDomain: null,
  actions: [{ state: "webhook", url: WANTED.url, fieldIds: [1, 2, 3] }],
};

describe("webhook rules", () => {
  it("builds the receiver URL with or without a trailing slash on APP_URL", () => {
    expect(webhookUrl("https://shop.example/", "abc")).toBe("https://shop.example/api/webhooks/odoo/abc");
    expect(webhookUrl("https://shop.example", "abc")).toBe("https://shop.example/api/webhooks/odoo/abc");
  });

  it("sends write_date with every model, for the receiver's deduplication", () => {
    expect(WEBHOOK_RULES.every((rule) => rule.fields.includes("write_date"))).toBe(true);
    expect(WEBHOOK_RULES.flatMap((rule) => rule.fields)).not.toContain("credit_limit");
  });

  it("treats a rule as current only when everything matches (field order aside)", () => {
    expect(ruleIsCurrent(CURRENT, WANTED)).toBe(true);
    expect(ruleIsCurrent({ ...CURRENT, active: false }, WANTED)).toBe(false);
    expect(ruleIsCurrent({ ...CURRENT, trigger: "on_write" }, WANTED)).toBe(false);
    expect(ruleIsCurrent({ ...CURRENT, triggerFieldIds: [9] }, WANTED)).toBe(false);
    // A filter added, removed or changed (Odoo answers false, read as null, when there is none).
    expect(ruleIsCurrent({ ...CURRENT, filterDomain: "[('state', '=', 'sale')]" }, WANTED)).toBe(false);
    const filtered = { ...WANTED, filterDomain: "[('state', '=', 'sale')]" };
    expect(ruleIsCurrent(CURRENT, filtered)).toBe(false);
    expect(ruleIsCurrent({ ...CURRENT, filterDomain: filtered.filterDomain }, filtered)).toBe(true);
    expect(ruleIsCurrent({ ...CURRENT, filterDomain: "" }, WANTED)).toBe(true);
    expect(ruleIsCurrent({ ...CURRENT, actions: [] }, WANTED)).toBe(false);
    expect(
      ruleIsCurrent({ ...CURRENT, actions: [{ ...CURRENT.actions[0]!, url: "https://old.example/x" }] }, WANTED),
    ).toBe(false);
    expect(ruleIsCurrent({ ...CURRENT, actions: [{ ...CURRENT.actions[0]!, fieldIds: [1, 2] }] }, WANTED)).toBe(false);
    expect(ruleIsCurrent({ ...CURRENT, actions: [{ ...CURRENT.actions[0]!, state: "code" }] }, WANTED)).toBe(false);
  });
});
