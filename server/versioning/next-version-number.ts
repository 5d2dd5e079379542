import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Price lists and product models number their versions 1, 2, 3… from a counter on the
// parent row. Bumping it locks that row for the rest of the transaction, which serialises
// everything that creates a version of it; a discarded draft's number is never reused
// (the audit log still names it). GREATEST(…) also covers rows written without the counter.

const VERSIONED = {
  PricingRuleSet: { versions: "PricingRuleSetVersion", parentKey: "ruleSetId" },
  ConfiguratorModel: { versions: "ConfiguratorModelVersion", parentKey: "modelId" },
} as const;

/** The next version number of the parent, or null when there is no such parent. */
export async function takeNextVersionNumber(
  tx: Prisma.TransactionClient,
  parent: keyof typeof VERSIONED,
  parentId: string,
): Promise<number | null> {
  const { versions, parentKey } = VERSIONED[parent];
  const [next] = await tx.$queryRaw<{ number: number }[]>`
    UPDATE ${Prisma.raw(`"${parent}"`)} AS p
    SET "lastVersionNumber" = GREATEST(p."lastVersionNumber", COALESCE((SELECT MAX(v."number") FROM ${Prisma.raw(`"${versions}"`)} AS v WHERE v.${Prisma.raw(`"${parentKey}"`)} = p."id"), 0)) + 1
    WHERE p."id" = ${parentId}::uuid
    RETURNING p."lastVersionNumber" AS "number"`;

  return next?.number ?? null;
}
