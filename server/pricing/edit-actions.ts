import "server-only";

/** Audit actions that change a draft's content: whoever did one may not approve that version. */
export const EDIT_ACTIONS = [
  "pricing.version.created",
  "pricing.rule.added",
  "pricing.rule.changed",
  "pricing.rules.deleted",
  "pricing.rules.bulk_changed",
  "pricing.rules.imported",
  "pricing.policy.changed",
  "pricing.warnings.acknowledged",
] as const;
