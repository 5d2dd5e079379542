import "server-only";
import { checkModel, type TModelFinding } from "@/lib/configurator/check-model";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { findCatalogProduct, skusOf } from "@/server/catalog/load-catalog";
import { db } from "@/server/db";
import { getModelVersionOrThrow, type TModelVersionRecord } from "@/server/configurator/model-records";

export type TModelView = {
  version: TModelVersionRecord;
  state: "draft" | "live" | "superseded";
  versions: { id: string; number: number; status: "DRAFT" | "PUBLISHED"; publishedAt: Date | null; note: string }[];
  product: TCatalogProduct | null;
  findings: TModelFinding[];
  people: Record<string, string>;
};

/** A model version with its checks, its siblings and the product it configures. */
export async function getModelView(versionId: string): Promise<TModelView> {
  const version = await getModelVersionOrThrow(versionId);
  const [versions, product] = await Promise.all([
    db.configuratorModelVersion.findMany({
      where: { modelId: version.modelId },
      orderBy: { number: "desc" },
      select: { id: true, number: true, status: true, publishedAt: true, note: true },
    }),
    findCatalogProduct(version.model.productHandle).catch(() => null),
  ]);
  const live = versions
    .filter((item) => item.status === "PUBLISHED")
    .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.number - a.number)[0];
  const peopleIds = [version.createdById, version.publishedById].filter((id): id is string => !!id);
  const people = Object.fromEntries(
    (await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user.name,
    ]),
  );

  return {
    version,
    state: version.status === "DRAFT" ? "draft" : live?.id === version.id ? "live" : "superseded",
    versions,
    product,
    findings: checkModel(version.definition, product ? skusOf(product) : null),
    people,
  };
}
