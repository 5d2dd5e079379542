import "server-only";
import { loadCatalog } from "@/server/catalog/load-catalog";
import { db } from "@/server/db";

export type TModelListEntry = {
  handle: string;
  title: string;
  configurable: boolean;
  variants: number;
  model: {
    id: string;
    liveNumber: number | null;
    liveSince: Date | null;
    draft: { id: string; number: number } | null;
    latestId: string;
  } | null;
};

/** Every catalogue product with its configuration model, if any: configurable products first. */
export async function findConfiguratorModels(): Promise<TModelListEntry[]> {
  const [catalog, models] = await Promise.all([
    loadCatalog(),
    db.configuratorModel.findMany({
      select: {
        id: true,
        productHandle: true,
        versions: { orderBy: { number: "desc" }, select: { id: true, number: true, status: true, publishedAt: true } },
      },
    }),
  ]);
  const byHandle = new Map(models.map((model) => [model.productHandle, model]));

  return catalog.products
    .map((entry): TModelListEntry => {
      const model = byHandle.get(entry.handle);
      const live = model?.versions
        .filter((version) => version.status === "PUBLISHED")
        .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.number - a.number)[0];
      const draft = model?.versions.find((version) => version.status === "DRAFT");

      return {
        handle: entry.handle,
        title: entry.title,
        configurable: entry.isConfigurable,
        variants: entry.variants.length,
        model: model
          ? {
              id: model.id,
              liveNumber: live?.number ?? null,
              liveSince: live?.publishedAt ?? null,
              draft: draft ? { id: draft.id, number: draft.number } : null,
              latestId: (draft ?? live ?? model.versions[0])!.id,
            }
          : null,
      };
    })
    .sort((a, b) => Number(b.configurable) - Number(a.configurable) || a.title.localeCompare(b.title));
}
