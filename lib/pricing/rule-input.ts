import { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";
import { RULE_KINDS, RULE_SCHEMAS, type TPricingRule, type TRuleKind } from "@/lib/pricing/rules";
import { toFieldErrors } from "@/lib/validation/zod-errors";

// Checking one rule as the editor submits it, and bulk changes to many. The same code
// runs in the browser (inline errors while typing) and on the server (the decision).

export type TRuleCheck = { ok: true; rule: TPricingRule } | { ok: false; fieldErrors: TFieldErrors };

export function checkRule(raw: Record<string, unknown>, id: string): TRuleCheck {
  const kind = raw.kind as TRuleKind;
  if (!RULE_KINDS.includes(kind)) return { ok: false, fieldErrors: { kind: ["Choose a rule kind."] } };
  const parsed = RULE_SCHEMAS[kind].safeParse({ ...raw, id });

  return parsed.success
    ? { ok: true, rule: parsed.data as TPricingRule }
    : { ok: false, fieldErrors: toFieldErrors(parsed.error) };
}

const instant = z.iso.datetime({ offset: true, error: "Use an ISO date and time." }).nullable();

export const ZBulkPatch = z
  .object({
    priority: z.number().int().min(0).max(1000).optional(),
    validFrom: instant.optional(),
    validTo: instant.optional(),
    /** Raise (+) or lower (−) every amount by this many basis points, rounded half up to the cent. */
    adjustAmountBps: z.number().int().min(-10_000).max(100_000).optional(),
    /** Set the percentage of percentage rules. */
    bps: z.number().int().min(1).max(10_000).optional(),
    exclusive: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "Choose at least one change.",
  });

export type TBulkPatch = z.infer<typeof ZBulkPatch>;

function adjust(amount: number, bps: number): number {
  const scaled = Math.abs(amount) * (10_000 + bps);
  const rounded = Math.floor((scaled + 5_000) / 10_000);

  return amount < 0 ? -rounded : rounded;
}

/** The rule with the patch applied (fields a kind lacks are left alone), checked again. */
export function applyBulkPatch(rule: TPricingRule, patch: TBulkPatch): TRuleCheck {
  const next: Record<string, unknown> = { ...rule };
  if (patch.priority !== undefined) next.priority = patch.priority;
  if (patch.validFrom !== undefined) next.validFrom = patch.validFrom;
  if (patch.validTo !== undefined) next.validTo = patch.validTo;
  if (patch.adjustAmountBps !== undefined && "amount" in rule && !(rule.kind === "tier" && rule.mode === "percent"))
    next.amount = adjust(rule.amount, patch.adjustAmountBps);
  if (patch.bps !== undefined && "bps" in rule && (rule.kind === "org_discount" || rule.mode === "percent"))
    next.bps = patch.bps;
  if (patch.exclusive !== undefined && rule.kind === "org_discount") next.exclusive = patch.exclusive;

  return checkRule(next, rule.id);
}

const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
    : value;

/** Equal content, whatever the key order (a client's copy against the stored rule). */
export const sameRule = (a: TPricingRule, b: TPricingRule) =>
  JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
