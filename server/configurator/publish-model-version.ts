import "server-only";
import { AppError } from "@/lib/errors";
import { checkModel } from "@/lib/configurator/check-model";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { findCatalogEntry } from "@/server/catalog/load-catalog";
import { db } from "@/server/db";
import { getModelVersionOrThrow, lockModelForNewVersion, lockModelVersion, toJson } from "@/server/configurator/model-records";

/** Publishes a checked draft: buyers configure with it from now on; it never changes again (audited). */
export async function publishModelVersion({ actor, versionId }: { actor: TSessionUser; versionId: string }): Promise<void> {
  const version = await getModelVersionOrThrow(versionId);
  const entry = await findCatalogEntry(version.model.productHandle);
  const errors = checkModel(version.definition, entry ? entry.variants.map((variant) => variant.sku) : null).filter((finding) => finding.severity === "error");
  if (errors.length) throw new AppError("INVALID_STATE", `${errors.length} problem${errors.length === 1 ? "" : "s"} must be fixed first: ${errors[0]!.message}`);
  await db.$transaction(async (tx) => {
    const locked = await lockModelVersion(tx, versionId);
    if (locked.status !== "DRAFT") throw new AppError("INVALID_STATE", `Version ${locked.number} is already published.`);
    if (locked.revision !== version.revision) throw new AppError("CONFLICT", "The draft changed while it was being checked. Please publish again.");
    await tx.configuratorModelVersion.update({ where: { id: versionId }, data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: actor.id } });
    await recordAudit(tx, { actor, action: "configurator.version.published", entityType: "configurator_version", entityId: versionId, before: { status: "DRAFT" }, after: { status: "PUBLISHED", number: locked.number } });
  });
}

/** Publishes a copy of an earlier version, live at once; the history stays as it was (audited). */
export async function rollbackModelVersion({ actor, versionId }: { actor: TSessionUser; versionId: string }): Promise<{ versionId: string; number: number }> {
  const target = await getModelVersionOrThrow(versionId);
  if (target.status !== "PUBLISHED") throw new AppError("INVALID_STATE", "Only a published version can be restored.");

  return db.$transaction(async (tx) => {
    const number = await lockModelForNewVersion(tx, target.modelId);
    const live = await tx.configuratorModelVersion.findFirst({ where: { modelId: target.modelId, status: "PUBLISHED" }, orderBy: [{ publishedAt: "desc" }, { number: "desc" }], select: { id: true, number: true } });
    if (live?.id === target.id) throw new AppError("INVALID_STATE", `Version ${target.number} is already the one buyers use.`);
    const restored = await tx.configuratorModelVersion.create({
      data: { modelId: target.modelId, number, status: "PUBLISHED", definition: toJson(target.definition), basedOnId: target.id, createdById: actor.id, publishedById: actor.id, publishedAt: new Date(), note: `Rollback to version ${target.number}` },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "configurator.version.rolled_back", entityType: "configurator_version", entityId: restored.id, before: { live: live?.number ?? null }, after: { live: number, restored: target.number } });

    return { versionId: restored.id, number };
  });
}
