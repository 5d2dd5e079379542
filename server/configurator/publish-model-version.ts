import "server-only";
import { AppError } from "@/lib/errors";
import { checkModel } from "@/lib/configurator/check-model";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { findCatalogProduct, skusOf } from "@/server/catalog/load-catalog";
import { db } from "@/server/db";
import { getModelVersionOrThrow, lockModelVersion } from "@/server/configurator/model-records";

/** Publishes a checked draft: buyers configure with it from now on; it never changes again (audited). */
export async function publishModelVersion({
  actor,
  versionId,
}: {
  actor: TSessionUser;
  versionId: string;
}): Promise<void> {
  const version = await getModelVersionOrThrow(versionId);
  const entry = await findCatalogProduct(version.model.productHandle);
  const errors = checkModel(version.definition, entry ? skusOf(entry) : null).filter(
    (finding) => finding.severity === "error",
  );
  if (errors.length)
    throw new AppError(
      "INVALID_STATE",
      `${errors.length} problem${errors.length === 1 ? "" : "s"} must be fixed first: ${errors[0]!.message}`,
    );
  await db.$transaction(async (tx) => {
    const locked = await lockModelVersion(tx, versionId);
    if (locked.status !== "DRAFT")
      throw new AppError("INVALID_STATE", `Version ${locked.number} is already published.`);
    if (locked.revision !== version.revision)
      throw new AppError("CONFLICT", "The draft changed while it was being checked. Please publish again.");
    await tx.configuratorModelVersion.update({
      where: { id: versionId },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: actor.id },
    });
    await recordAudit(tx, {
      actor,
      action: "configurator.version.published",
      entityType: "configurator_version",
      entityId: versionId,
      before: { status: "DRAFT" },
      after: { status: "PUBLISHED", number: locked.number },
    });
  });
}
