import "server-only";
import { AppError } from "@/lib/errors";
import { ZModelDefinition } from "@/lib/configurator/model";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockModelVersion, toJson } from "@/server/configurator/model-records";

/**
 * Replaces a draft's definition (audited with before and after). The editor sends the
 * revision it started from: if someone saved in between, CONFLICT instead of overwriting.
 * INVALID_INPUT with field errors (by path, e.g. "options.1.max") for a definition that
 * does not make sense.
 */
export async function saveModelDraft({
  actor,
  versionId,
  definition,
  revision,
}: {
  actor: TSessionUser;
  versionId: string;
  definition: unknown;
  revision: number;
}): Promise<{ revision: number }> {
  const parsed = ZModelDefinition.safeParse(definition);
  if (!parsed.success)
    throw new AppError(
      "INVALID_INPUT",
      "The model has problems; see the highlighted fields.",
      toFieldErrors(parsed.error),
    );

  return db.$transaction(async (tx) => {
    const version = await lockModelVersion(tx, versionId);
    if (version.status !== "DRAFT")
      throw new AppError(
        "INVALID_STATE",
        `Version ${version.number} is published and cannot change; start a new draft.`,
      );
    if (version.revision !== revision)
      throw new AppError("CONFLICT", "Someone saved this draft after you opened it. Reload to see their changes.");
    if (JSON.stringify(version.definition) === JSON.stringify(parsed.data)) return { revision };
    await tx.configuratorModelVersion.update({
      where: { id: versionId },
      data: { definition: toJson(parsed.data), revision: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor,
      action: "configurator.version.saved",
      entityType: "configurator_version",
      entityId: versionId,
      before: toJson(version.definition),
      after: toJson(parsed.data),
    });

    return { revision: revision + 1 };
  });
}
