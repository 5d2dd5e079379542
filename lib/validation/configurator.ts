import { z } from "zod";
import { PG_INT_MAX } from "@/lib/validation/pg-int";

// Inputs of the configurator server actions. The definition itself is checked by the use
// case (ZModelDefinition), so its errors come back field by field.

const versionId = z.uuid("Choose a model version.");

export const ZCreateModelInput = z
  .object({
    productHandle: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "Choose a product."),
  })
  .strict();
export const ZModelRef = z.object({ modelId: z.uuid("Choose a model.") }).strict();
export const ZModelVersionRef = z.object({ versionId }).strict();
export const ZSaveModelInput = z
  .object({
    versionId,
    revision: z.number().int().nonnegative().max(PG_INT_MAX),
    definition: z.record(z.string(), z.unknown()),
  })
  .strict();
