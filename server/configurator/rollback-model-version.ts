import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { getModelVersionOrThrow, lockModelForNewVersion, toJson } from "@/server/configurator/model-records";

/** Publishes a copy of an earlier version, live at once; the history stays as it was (audited). */
export async function rollbackModelVersion({
  actor,
  versionId,
}: {
  actor: TSessionUser;
  versionId: string;
}): Promise<{ versionId: string; number: number }> {
  const target = await getModelVersionOrThrow(versionId);
  if (target.status !== "PUBLISHED") throw new AppError("INVALID_STATE", "Only a published version can be restored.");

  return db.$transaction(async (tx) => {
    const number = await lockModelForNewVersion(tx, target.modelId);
    const live = await tx.configuratorModelVersion.findFirst({
      where: { modelId: target.modelId, status: "PUBLISHED" },
      orderBy: [{ publishedAt: "desc" }, { number: "desc" }],
      select: { id: true, number: true },
    });
    if (live?.id === target.id)
      throw new AppError("INVALID_STATE", `Version ${target.number} is already the one buyers use.`);
    const restored = await tx.configuratorModelVersion.create({
      data: {
        modelId: target.modelId,
        number,
        status: "PUBLISHED",
        definition: toJson(target.definition),
        basedOnId: target.id,
        createdById: actor.id,
        publishedById: actor.id,
        publishedAt: new Date(),
        note: `Rollback to version ${target.number}`,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "configurator.version.rolled_back",
      entityType: "configurator_version",
      entityId: restored.id,
      before: { live: live?.number ?? null },
      after: { live: number, restored: target.number },
    });

    return { versionId: restored.id, number };
  });
}
