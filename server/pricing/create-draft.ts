import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_POLICY } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockRuleSetForNewVersion, toJson, toVersionRecord, VERSION_SELECT } from "@/server/pricing/version-records";

/**
 * Opens a draft copying the newest published version (rules, policy, rule ids), audited.
 * CONFLICT when a version is already open (draft, awaiting approval or approved): a rule
 * set has at most one, which the database enforces too.
 */
export async function createDraft({
  actor,
  ruleSetId,
}: {
  actor: TSessionUser;
  ruleSetId: string;
}): Promise<{ versionId: string; number: number }> {
  return db.$transaction(async (tx) => {
    const number = await lockRuleSetForNewVersion(tx, ruleSetId);
    const open = await tx.pricingRuleSetVersion.findFirst({
      where: { ruleSetId, status: { in: ["DRAFT", "PENDING_APPROVAL", "APPROVED"] } },
      select: { number: true },
    });
    if (open)
      throw new AppError(
        "CONFLICT",
        `Version ${open.number} is still open: finish or discard it before starting another draft.`,
      );

    const baseRow = await tx.pricingRuleSetVersion.findFirst({
      where: { ruleSetId, status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: VERSION_SELECT,
    });
    const base = baseRow ? toVersionRecord(baseRow) : null;
    const draft = await tx.pricingRuleSetVersion.create({
      data: {
        ruleSetId,
        number,
        rules: toJson(base?.rules ?? []),
        policy: toJson(base?.policy ?? DEFAULT_POLICY),
        basedOnId: base?.id ?? null,
        acknowledgedWarnings: toJson(base?.acknowledgedWarnings ?? []),
        createdById: actor.id,
        note: "",
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.created",
      entityType: "pricing_version",
      entityId: draft.id,
      after: { ruleSetId, number, basedOn: base ? base.number : null, rules: base?.rules.length ?? 0 },
    });

    return { versionId: draft.id, number };
  });
}
