import { describeChange } from "@/lib/audit/describe-change";

// A pricing audit entry in a line or two for a version's history (the full before and
// after stay in the audit log).

type TJson = unknown;
const asRecord = (value: TJson) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, TJson>) : {};
const counts = (value: TJson) => {
  const changes = asRecord(value);

  return `${String(changes.added ?? 0)} added, ${String(changes.changed ?? 0)} changed, ${String(changes.removed ?? 0)} removed`;
};
const ids = (value: TJson) => (Array.isArray(value) ? value.map((rule) => String(asRecord(rule).id)).join(", ") : "");

export function describePricingAudit(action: string, before: TJson, after: TJson): string[] {
  switch (action) {
    case "pricing.rule.added":
      return [`Added ${String(asRecord(after).id)}`];
    case "pricing.rule.changed":
      return [`Changed ${String(asRecord(after).id)}`, ...describeChange(before, after)];
    case "pricing.rules.deleted":
      return [`Deleted ${ids(before)}`];
    case "pricing.rules.bulk_changed": {
      const patch = asRecord(asRecord(after).patch);

      return [
        `Changed ${ids(before)}`,
        ...Object.entries(patch).map(([key, value]) => `${key} → ${JSON.stringify(value)}`),
      ];
    }
    case "pricing.rules.imported": {
      const next = asRecord(after);
      const previous = asRecord(before);
      const count = (value: TJson) => (Array.isArray(value) ? value.length : 0);

      return [
        `Imported ${String(next.kind).replace("_", " ")} rules from CSV (${String(next.mode)}): ${count(previous.rules)} → ${count(next.rules)} rules`,
      ];
    }
    case "pricing.warnings.acknowledged":
      return Array.isArray(after) ? after.map((item) => `Acknowledged: ${String(asRecord(item).message)}`) : [];
    case "pricing.version.created": {
      const next = asRecord(after);

      return [
        next.basedOn
          ? `Started from version ${String(next.basedOn)} with ${String(next.rules)} rules`
          : "Started empty",
      ];
    }
    case "pricing.version.published":
    case "pricing.version.scheduled": {
      const previous = asRecord(before);
      const next = asRecord(after);
      const when = new Date(String(next.effectiveFrom)).toISOString().replace("T", " ").slice(0, 16);

      return [
        `${action.endsWith("scheduled") ? "Scheduled to go live" : "Live"} from ${when} UTC`,
        previous.live
          ? `Against version ${String(previous.live)}: ${counts(next.changes)}`
          : `First version: ${counts(next.changes)}`,
      ];
    }
    case "pricing.version.rolled_back": {
      const next = asRecord(after);

      return [
        `Version ${String(next.restored)} restored as version ${String(next.live)}, replacing version ${String(asRecord(before).live ?? "—")}`,
        `Changes: ${counts(next.changes)}`,
      ];
    }
    case "pricing.version.discarded":
      return [
        `Discarded with ${Array.isArray(asRecord(before).rules) ? (asRecord(before).rules as unknown[]).length : 0} rules (kept here)`,
      ];
    default:
      return describeChange(before, after);
  }
}
