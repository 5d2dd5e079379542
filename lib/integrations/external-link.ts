import { z } from "zod";

export const EXTERNAL_ENTITY_TYPES = [
  "organisation",
  "user",
  "address",
  "product",
  "variant",
  "order",
  "order_line",
  "delivery",
] as const;
export const EXTERNAL_SYSTEMS = ["MEDUSA", "ODOO", "PIM"] as const;

export const ZExternalLinkInput = z.object({
  entityType: z.enum(EXTERNAL_ENTITY_TYPES),
  localId: z.string().min(1).max(80),
  system: z.enum(EXTERNAL_SYSTEMS),
  externalId: z.string().min(1).max(120),
  syncHash: z.string().max(128).optional(),
});

export type TExternalLinkInput = z.infer<typeof ZExternalLinkInput>;
