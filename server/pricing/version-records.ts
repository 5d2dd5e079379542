import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { takeNextVersionNumber } from "@/server/versioning/next-version-number";
import { AppError } from "@/lib/errors";
import { ZPricingPolicy, ZPricingRule, type TPricingPolicy, type TPricingRule } from "@/lib/pricing/rules";
import { db } from "@/server/db";

// Reading and locking rule-set versions. Rules are stored as one JSON document per
// version and parsed on the way out, so a row edited behind our back fails loudly here
// instead of pricing something wrongly.

const ZStoredRules = z.array(ZPricingRule);
const ZAcknowledged = z.array(z.string());

export const VERSION_SELECT = {
  id: true,
  ruleSetId: true,
  number: true,
  status: true,
  rules: true,
  policy: true,
  revision: true,
  note: true,
  basedOnId: true,
  acknowledgedWarnings: true,
  createdById: true,
  submittedById: true,
  submittedAt: true,
  approvedById: true,
  approvedAt: true,
  publishedById: true,
  publishedAt: true,
  effectiveFrom: true,
  createdAt: true,
  updatedAt: true,
  ruleSet: { select: { id: true, name: true, currency: true } },
} satisfies Prisma.PricingRuleSetVersionSelect;

type TVersionRow = Prisma.PricingRuleSetVersionGetPayload<{ select: typeof VERSION_SELECT }>;
export type TVersionRecord = Omit<TVersionRow, "rules" | "policy" | "acknowledgedWarnings"> & {
  rules: TPricingRule[];
  policy: TPricingPolicy;
  acknowledgedWarnings: string[];
};

export function toVersionRecord(row: TVersionRow): TVersionRecord {
  return {
    ...row,
    rules: ZStoredRules.parse(row.rules),
    policy: ZPricingPolicy.parse(row.policy),
    acknowledgedWarnings: ZAcknowledged.parse(row.acknowledgedWarnings),
  };
}

type TClient = Pick<Prisma.TransactionClient, "pricingRuleSetVersion">;

export async function getVersionOrThrow(versionId: string, client: TClient = db): Promise<TVersionRecord> {
  const row = await client.pricingRuleSetVersion.findUnique({ where: { id: versionId }, select: VERSION_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "No such rule-set version.");

  return toVersionRecord(row);
}

/** Locks the version row for the rest of the transaction (concurrent edits queue up). */
export async function lockVersion(tx: Prisma.TransactionClient, versionId: string): Promise<TVersionRecord> {
  await tx.$queryRaw`SELECT 1 FROM "PricingRuleSetVersion" WHERE "id" = ${versionId}::uuid FOR UPDATE`;

  return getVersionOrThrow(versionId, tx);
}

/**
 * Locks the rule set for the rest of the transaction — serialising everything that numbers
 * a new version of it — and hands out the next version number. Numbers are never reused,
 * not even those of discarded drafts (the audit log still names them). NOT_FOUND without it.
 */
export async function lockRuleSetForNewVersion(tx: Prisma.TransactionClient, ruleSetId: string): Promise<number> {
  const number = await takeNextVersionNumber(tx, "PricingRuleSet", ruleSetId);
  if (number === null) throw new AppError("NOT_FOUND", "No such rule set.");

  return number;
}

export function requireStatus(version: TVersionRecord, allowed: TVersionRecord["status"][], doing: string): void {
  if (!allowed.includes(version.status)) {
    const state = {
      DRAFT: "a draft",
      PENDING_APPROVAL: "waiting for approval",
      APPROVED: "approved",
      PUBLISHED: "published",
    }[version.status];
    throw new AppError("INVALID_STATE", `Version ${version.number} is ${state}; it cannot ${doing}.`);
  }
}

export const toJson = (value: unknown) => value as Prisma.InputJsonValue;
