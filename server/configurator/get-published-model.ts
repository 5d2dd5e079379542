import "server-only";
import { ZModelDefinition, type TModelDefinition } from "@/lib/configurator/model";
import { db } from "@/server/db";

// The configuration model buyers use for a product: its newest published version.
// Published versions never change (the database enforces it), so their parsed
// definitions are cached by id; only "which version is newest" is asked each time.

export type TPublishedModel = {
  modelId: string;
  versionId: string;
  number: number;
  title: string;
  definition: TModelDefinition;
};

const definitions = new Map<string, TModelDefinition>();
const MAX_CACHED = 200;

function remember(versionId: string, raw: unknown): TModelDefinition {
  const definition = ZModelDefinition.parse(raw);
  if (definitions.size >= MAX_CACHED) definitions.delete(definitions.keys().next().value!);
  definitions.set(versionId, definition);

  return definition;
}

/**
 * The published models of the given products (all products when `handles` is omitted), by
 * product handle. One query for which versions are live; definitions are read only for
 * versions not cached yet.
 */
export async function findPublishedModels(handles?: readonly string[]): Promise<Map<string, TPublishedModel>> {
  const models = await db.configuratorModel.findMany({
    where: handles ? { productHandle: { in: [...handles] } } : {},
    select: {
      id: true,
      title: true,
      productHandle: true,
      versions: {
        where: { status: "PUBLISHED" },
        orderBy: [{ publishedAt: "desc" }, { number: "desc" }],
        take: 1,
        select: { id: true, number: true },
      },
    },
  });
  const live = models.flatMap((model) => (model.versions[0] ? [{ model, version: model.versions[0] }] : []));
  const missing = live.filter(({ version }) => !definitions.has(version.id)).map(({ version }) => version.id);
  if (missing.length) {
    const rows = await db.configuratorModelVersion.findMany({
      where: { id: { in: missing }, status: "PUBLISHED" },
      select: { id: true, definition: true },
    });
    for (const row of rows) remember(row.id, row.definition);
  }

  return new Map(
    live.flatMap(({ model, version }) => {
      const definition = definitions.get(version.id);

      return definition
        ? [
            [
              model.productHandle,
              { modelId: model.id, versionId: version.id, number: version.number, title: model.title, definition },
            ] as const,
          ]
        : [];
    }),
  );
}

export async function getPublishedModel(productHandle: string): Promise<TPublishedModel | null> {
  return (await findPublishedModels([productHandle])).get(productHandle) ?? null;
}

/** Every product's live model definition, by product handle. */
export async function findPublishedModelDefinitions(): Promise<Map<string, TModelDefinition>> {
  return new Map([...(await findPublishedModels())].map(([handle, model]) => [handle, model.definition]));
}
