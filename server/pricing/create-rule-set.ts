import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_POLICY } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { toJson } from "@/server/pricing/version-records";

/** Creates the rule set of a currency with an empty first draft (audited). CONFLICT if the currency has one. */
export async function createRuleSet({
  actor,
  name,
  currency,
}: {
  actor: TSessionUser;
  name: string;
  currency: string;
}): Promise<{ ruleSetId: string; versionId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const ruleSet = await tx.pricingRuleSet.create({ data: { name, currency }, select: { id: true } });
      const version = await tx.pricingRuleSetVersion.create({
        data: {
          ruleSetId: ruleSet.id,
          number: 1,
          policy: toJson(DEFAULT_POLICY),
          createdById: actor.id,
          note: "First version",
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: "pricing.rule_set.created",
        entityType: "pricing_rule_set",
        entityId: ruleSet.id,
        after: { name, currency, draftVersionId: version.id },
      });

      return { ruleSetId: ruleSet.id, versionId: version.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `There is already a rule set called "${name}" or one for ${currency}.`, {
        currency: [`${currency} already has a rule set.`],
      });
    }
    throw error;
  }
}
