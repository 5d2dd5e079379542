import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockModelVersion, toJson } from "@/server/configurator/model-records";

/** Deletes a draft; its definition is kept in the audit entry. A first draft takes its model with it. */
export async function discardModelDraft({
  actor,
  versionId,
}: {
  actor: TSessionUser;
  versionId: string;
}): Promise<{ modelDeleted: boolean }> {
  return db.$transaction(async (tx) => {
    const version = await lockModelVersion(tx, versionId);
    if (version.status !== "DRAFT")
      throw new AppError("INVALID_STATE", `Version ${version.number} is published and cannot be discarded.`);
    await tx.configuratorModelVersion.delete({ where: { id: versionId } });
    const remaining = await tx.configuratorModelVersion.count({ where: { modelId: version.modelId } });
    if (!remaining) {
      await tx.externalLink.deleteMany({
        where: { system: "MEDUSA", entityType: "product", localId: version.modelId },
      });
      await tx.configuratorModel.delete({ where: { id: version.modelId } });
    }
    await recordAudit(tx, {
      actor,
      action: "configurator.version.discarded",
      entityType: "configurator_version",
      entityId: versionId,
      before: toJson({
        number: version.number,
        productHandle: version.model.productHandle,
        definition: version.definition,
      }),
      after: null,
    });

    return { modelDeleted: !remaining };
  });
}
