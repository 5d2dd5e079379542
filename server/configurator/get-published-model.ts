import "server-only";
import { ZModelDefinition, type TModelDefinition } from "@/lib/configurator/model";
import { db } from "@/server/db";

// The configuration model buyers use for a product: its newest published version.
// Published versions never change (the database enforces it), so their parsed
// definitions are cached by id; only "which version is newest" is asked each time.

export type TPublishedModel = { modelId: string; versionId: string; number: number; title: string; definition: TModelDefinition };

const definitions = new Map<string, TModelDefinition>();
const MAX_CACHED = 200;

function parsed(versionId: string, raw: unknown): TModelDefinition {
  let definition = definitions.get(versionId);
  if (!definition) {
    definition = ZModelDefinition.parse(raw);
    if (definitions.size >= MAX_CACHED) definitions.delete(definitions.keys().next().value!);
    definitions.set(versionId, definition);
  }

  return definition;
}

export async function getPublishedModel(productHandle: string): Promise<TPublishedModel | null> {
  const version = await db.configuratorModelVersion.findFirst({
    where: { status: "PUBLISHED", model: { productHandle } },
    orderBy: [{ publishedAt: "desc" }, { number: "desc" }],
    select: { id: true, number: true, modelId: true, model: { select: { title: true } } },
  });
  if (!version) return null;
  const definition = definitions.get(version.id) ?? (await getPublishedModelVersion(version.id));

  return definition ? { modelId: version.modelId, versionId: version.id, number: version.number, title: version.model.title, definition } : null;
}

/** A published version by id (for re-checking a cart line that pinned it). */
export async function getPublishedModelVersion(versionId: string): Promise<TModelDefinition | null> {
  const cached = definitions.get(versionId);
  if (cached) return cached;
  const version = await db.configuratorModelVersion.findFirst({ where: { id: versionId, status: "PUBLISHED" }, select: { id: true, definition: true } });

  return version ? parsed(version.id, version.definition) : null;
}

/** Every product's live model definition, by product handle. */
export async function findPublishedModelDefinitions(): Promise<Map<string, TModelDefinition>> {
  const models = await db.configuratorModel.findMany({
    select: { productHandle: true, versions: { where: { status: "PUBLISHED" }, orderBy: [{ publishedAt: "desc" }, { number: "desc" }], take: 1, select: { id: true, definition: true } } },
  });

  return new Map(models.flatMap((model) => (model.versions[0] ? [[model.productHandle, parsed(model.versions[0].id, model.versions[0].definition)] as const] : [])));
}
