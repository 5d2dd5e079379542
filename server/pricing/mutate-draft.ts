import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TPricingPolicy, TPricingRule } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockVersion, requireStatus, toJson, type TVersionRecord } from "@/server/pricing/version-records";

export type TDraftChange<T> = {
  rules?: TPricingRule[];
  policy?: TPricingPolicy;
  note?: string;
  acknowledgedWarnings?: string[];
  audit: { before: unknown; after: unknown } | null;
  result: T;
};

/**
 * The one way a draft changes: lock the row, check it is still a draft, apply `change`,
 * bump the revision and write the audit entry (action, before, after) in the same
 * transaction. `change` may throw an AppError to refuse; then nothing is written. A change
 * that returns `audit: null` changed nothing and writes nothing.
 */
export async function mutateDraft<T>({
  actor,
  versionId,
  action,
  change,
}: {
  actor: TSessionUser;
  versionId: string;
  action: string;
  change: (version: TVersionRecord) => TDraftChange<T>;
}): Promise<T> {
  return db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["DRAFT"], "be edited (reject or withdraw it to edit again)");
    const outcome = change(version);
    if (!outcome.audit) return outcome.result;

    const data: Prisma.PricingRuleSetVersionUpdateInput = { revision: { increment: 1 } };
    if (outcome.rules) data.rules = toJson(outcome.rules);
    if (outcome.policy) data.policy = toJson(outcome.policy);
    if (outcome.note !== undefined) data.note = outcome.note;
    if (outcome.acknowledgedWarnings) data.acknowledgedWarnings = toJson(outcome.acknowledgedWarnings);
    await tx.pricingRuleSetVersion.update({ where: { id: versionId }, data });
    await recordAudit(tx, {
      actor,
      action,
      entityType: "pricing_version",
      entityId: versionId,
      before: toJson(outcome.audit.before),
      after: toJson(outcome.audit.after),
    });

    return outcome.result;
  });
}
