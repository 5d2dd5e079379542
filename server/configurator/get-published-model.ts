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
 * product handle. One query for which versions are live (the newest published of each model);
 * definitions are read only for versions not cached yet.
 */
export async function findPublishedModels(handles?: readonly string[]): Promise<Map<string, TPublishedModel>> {
  // One statement (each model's newest published version by DISTINCT ON): checkout asks this
  // beside a dozen other reads, and a second, dependent query queued behind all of them.
  const rows = await db.$queryRaw<
    { modelId: string; title: string; productHandle: string; versionId: string; number: number }[]
  >`
    SELECT DISTINCT ON (m.id) m.id AS "modelId", m.title, m."productHandle", v.id AS "versionId", v.number
    FROM "ConfiguratorModel" m
    JOIN "ConfiguratorModelVersion" v ON v."modelId" = m.id AND v.status = 'PUBLISHED'
    WHERE ${handles === undefined} OR m."productHandle" = ANY(${[...(handles ?? [])]}::text[])
    ORDER BY m.id, v."publishedAt" DESC, v.number DESC`;
  const live = rows.map((row) => ({
    model: { id: row.modelId, title: row.title, productHandle: row.productHandle },
    version: { id: row.versionId, number: row.number },
  }));
  const missing = live.filter(({ version }) => !definitions.has(version.id)).map(({ version }) => version.id);
  if (missing.length) {
    const versions = await db.configuratorModelVersion.findMany({
      where: { id: { in: missing }, status: "PUBLISHED" },
      select: { id: true, definition: true },
    });
    for (const version of versions) remember(version.id, version.definition);
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
