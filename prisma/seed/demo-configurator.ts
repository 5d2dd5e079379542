import type { PrismaClient } from "../../generated/prisma/client";
import { DEMO_CABLE_MODEL } from "./demo-cable-model";
import { DEMO_TABLE_MODEL } from "./demo-table-model";

// The demo's published configuration models, one per configurable demo product. They are
// linked to their Medusa products in the external-ID table on first use (the seed runs
// before Medusa is up).
const MODELS = [
  { productHandle: "made-to-measure-table", title: "Atelier Made-to-Measure Table", definition: DEMO_TABLE_MODEL },
  { productHandle: "cable-assembly", title: "Custom Cable Assembly", definition: DEMO_CABLE_MODEL },
];

/** Publishes each demo model unless its product already has one. Idempotent. */
export async function seedDemoConfigurator(db: PrismaClient): Promise<void> {
  for (const model of MODELS) {
    if (await db.configuratorModel.findUnique({ where: { productHandle: model.productHandle } })) continue;
    await db.$transaction(async (tx) => {
      const created = await tx.configuratorModel.create({
        data: { productHandle: model.productHandle, title: model.title },
      });
      const version = await tx.configuratorModelVersion.create({
        data: {
          modelId: created.id,
          number: 1,
          status: "PUBLISHED",
          definition: model.definition,
          publishedAt: new Date(),
          note: "Demo model",
        },
      });
      await tx.auditLog.create({
        data: {
          actorLabel: "system:demo-seed",
          action: "configurator.version.published",
          entityType: "configurator_version",
          entityId: version.id,
          after: { productHandle: model.productHandle, number: 1 },
        },
      });
    });
  }
}
