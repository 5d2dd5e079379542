import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { takeNextVersionNumber } from "@/server/versioning/next-version-number";
import { AppError } from "@/lib/errors";
import { ZModelDefinition, type TModelDefinition } from "@/lib/configurator/model";
import { db } from "@/server/db";

// Reading and locking configurator model versions (as server/pricing/version-records.ts
// does for price lists).

export const MODEL_VERSION_SELECT = {
  id: true,
  modelId: true,
  number: true,
  status: true,
  definition: true,
  revision: true,
  note: true,
  basedOnId: true,
  createdById: true,
  publishedById: true,
  publishedAt: true,
  createdAt: true,
  model: { select: { id: true, productHandle: true, title: true } },
} satisfies Prisma.ConfiguratorModelVersionSelect;

type TRow = Prisma.ConfiguratorModelVersionGetPayload<{ select: typeof MODEL_VERSION_SELECT }>;
export type TModelVersionRecord = Omit<TRow, "definition"> & { definition: TModelDefinition };

const toRecord = (row: TRow): TModelVersionRecord => ({ ...row, definition: ZModelDefinition.parse(row.definition) });

type TClient = Pick<Prisma.TransactionClient, "configuratorModelVersion">;

export async function getModelVersionOrThrow(versionId: string, client: TClient = db): Promise<TModelVersionRecord> {
  const row = await client.configuratorModelVersion.findUnique({
    where: { id: versionId },
    select: MODEL_VERSION_SELECT,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such model version.");

  return toRecord(row);
}

export async function lockModelVersion(tx: Prisma.TransactionClient, versionId: string): Promise<TModelVersionRecord> {
  await tx.$queryRaw`SELECT 1 FROM "ConfiguratorModelVersion" WHERE "id" = ${versionId}::uuid FOR UPDATE`;

  return getModelVersionOrThrow(versionId, tx);
}

/**
 * Locks the model (serialising new versions of it) and hands out the next version number;
 * numbers are never reused, not even those of discarded drafts.
 */
export async function lockModelForNewVersion(tx: Prisma.TransactionClient, modelId: string): Promise<number> {
  const number = await takeNextVersionNumber(tx, "ConfiguratorModel", modelId);
  if (number === null) throw new AppError("NOT_FOUND", "No such configuration model.");

  return number;
}

export const toJson = (value: unknown) => value as Prisma.InputJsonValue;
