import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { ZModelDefinition, type TModelDefinition } from "@/lib/configurator/model";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { findCatalogProduct } from "@/server/catalog/load-catalog";
import { db } from "@/server/db";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import { toJson } from "@/server/configurator/model-records";

/** A first draft: one option choosing the variant (when there are several), plus the product's declared options. */
function starterDefinition(entry: TCatalogProduct): TModelDefinition {
  const variants = entry.variants.flatMap((variant) =>
    variant.sku ? [{ sku: variant.sku, title: variant.title || variant.sku }] : [],
  );
  const variantOption =
    variants.length > 1
      ? [
          {
            code: "variant",
            label: "Model",
            kind: "enum",
            values: variants.map((variant) => ({
              code: variant.sku.toLowerCase().replace(/[^a-z0-9_-]/g, "-"),
              label: variant.title,
              sku: variant.sku,
            })),
          },
        ]
      : [];
  const declared = entry.metadataOptions.map((option) =>
    option.kind === "choice"
      ? {
          code: option.code,
          label: option.label ?? option.code,
          kind: "enum",
          values: option.values.map((value) => ({ code: value, label: value })),
          default: option.default ?? null,
        }
      : option.kind === "multi"
        ? {
            code: option.code,
            label: option.label ?? option.code,
            kind: "multi",
            values: option.values.map((value) => ({ code: value, label: value })),
          }
        : option.kind === "number"
          ? {
              code: option.code,
              label: option.label ?? option.code,
              kind: "number",
              min: option.min ?? 0,
              max: option.max ?? (option.min ?? 0) + 100,
              step: option.step ?? 1,
              unit: option.unit ?? "",
              default: option.default ?? null,
            }
          : {
              code: option.code,
              label: option.label ?? option.code,
              kind: "boolean",
              default: option.default ?? false,
            },
  );
  const parsed = ZModelDefinition.safeParse({ options: [...variantOption, ...declared], constraints: [] });

  return parsed.success
    ? parsed.data
    : ZModelDefinition.parse({
        options: variantOption.length ? variantOption : [{ code: "note", label: "Note", kind: "boolean" }],
        constraints: [],
      });
}

/**
 * Creates the configuration model of a Medusa product with a first draft, links it to the
 * Medusa product in the external-ID table, audited. CONFLICT if the product has one.
 */
export async function createConfiguratorModel({
  actor,
  productHandle,
}: {
  actor: TSessionUser;
  productHandle: string;
}): Promise<{ modelId: string; versionId: string }> {
  const entry = await findCatalogProduct(productHandle);
  if (!entry) throw new AppError("NOT_FOUND", "No such product in the catalogue.");
  const definition = starterDefinition(entry);
  try {
    return await db.$transaction(async (tx) => {
      const model = await tx.configuratorModel.create({
        data: { productHandle, title: entry.title },
        select: { id: true },
      });
      const version = await tx.configuratorModelVersion.create({
        data: {
          modelId: model.id,
          number: 1,
          definition: toJson(definition),
          createdById: actor.id,
          note: "First version",
        },
        select: { id: true },
      });
      await linkExternalRecord(
        { system: "MEDUSA", entityType: "product", localId: model.id, externalId: entry.id },
        tx,
      );
      await recordAudit(tx, {
        actor,
        action: "configurator.model.created",
        entityType: "configurator_model",
        entityId: model.id,
        after: toJson({ productHandle, draftVersionId: version.id, definition }),
      });

      return { modelId: model.id, versionId: version.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", `${entry.title} already has a configuration model.`);
    throw error;
  }
}
