import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockModelForNewVersion, toJson } from "@/server/configurator/model-records";

/** Opens a draft copying the newest published version (audited). CONFLICT while another draft is open. */
export async function createModelDraft({
  actor,
  modelId,
}: {
  actor: TSessionUser;
  modelId: string;
}): Promise<{ versionId: string; number: number }> {
  return db.$transaction(async (tx) => {
    const number = await lockModelForNewVersion(tx, modelId);
    const open = await tx.configuratorModelVersion.findFirst({
      where: { modelId, status: "DRAFT" },
      select: { number: true },
    });
    if (open) throw new AppError("CONFLICT", `Version ${open.number} is still a draft: finish or discard it first.`);
    const base = await tx.configuratorModelVersion.findFirst({
      where: { modelId, status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { id: true, number: true, definition: true },
    });
    if (!base) throw new AppError("INVALID_STATE", "This model has no published version to start from.");
    const draft = await tx.configuratorModelVersion.create({
      data: { modelId, number, definition: toJson(base.definition), basedOnId: base.id, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "configurator.version.created",
      entityType: "configurator_version",
      entityId: draft.id,
      after: { modelId, number, basedOn: base.number },
    });

    return { versionId: draft.id, number };
  });
}
