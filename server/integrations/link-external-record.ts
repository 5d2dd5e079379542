import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { ZExternalLinkInput, type TExternalLinkInput } from "@/lib/integrations/external-link";
import { db } from "@/server/db";

type TLinkClient = Pick<Prisma.TransactionClient, "externalLink">;

/**
 * Links one of our entities to a record in another system. Idempotent for the same pair
 * (refreshes syncedAt/syncHash). CONFLICT when either side is already linked to something
 * else: the unique keys on both sides are what stop duplicates under concurrency.
 */
export async function linkExternalRecord(input: TExternalLinkInput, client: TLinkClient = db) {
  const link = ZExternalLinkInput.parse(input);
  const externalKey = { system: link.system, entityType: link.entityType, externalId: link.externalId };
  const refresh = async () => {
    const existing = await client.externalLink.findUnique({ where: { system_entityType_externalId: externalKey } });
    if (!existing) return null;
    if (existing.localId !== link.localId) throw conflict(link);

    return client.externalLink.update({
      where: { id: existing.id },
      data: { syncedAt: new Date(), syncHash: link.syncHash },
    });
  };

  const refreshed = await refresh();
  if (refreshed) return refreshed;
  try {
    return await client.externalLink.create({ data: { ...link, syncedAt: new Date() } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    // Lost a race: the same pair (fine) or another record (conflict) got there first.
    const raced = await refresh();
    if (raced) return raced;
    throw conflict(link);
  }
}

function conflict(link: TExternalLinkInput): AppError {
  return new AppError(
    "CONFLICT",
    `${link.system} ${link.entityType} ${link.externalId} or our ${link.entityType} ${link.localId} is already linked to another record.`,
  );
}

/** The external id for one of our entities, or null. */
export async function getExternalId({
  system,
  entityType,
  localId,
}: Pick<TExternalLinkInput, "system" | "entityType" | "localId">): Promise<string | null> {
  const link = await db.externalLink.findUnique({
    where: { system_entityType_localId: { system, entityType, localId } },
    select: { externalId: true },
  });

  return link?.externalId ?? null;
}
