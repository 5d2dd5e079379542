import "server-only";
import type { ExternalSystem } from "@/generated/prisma/enums";
import { db } from "@/server/db";

const PAGE_SIZE = 50;

export type TExternalLinkRow = {
  id: string;
  entityType: string;
  localId: string;
  system: ExternalSystem;
  externalId: string;
  syncedAt: Date | null;
  syncHash: string | null;
};

/** The mapping browser's rows, newest first, filtered by system, entity type and id text. For staff. */
export async function findExternalLinks({
  system,
  entityType,
  q,
  page = 1,
}: {
  system?: ExternalSystem;
  entityType?: string;
  q?: string;
  page?: number;
}) {
  const where = {
    ...(system ? { system } : {}),
    ...(entityType ? { entityType } : {}),
    ...(q ? { OR: [{ localId: { contains: q } }, { externalId: { contains: q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.externalLink.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      take: PAGE_SIZE,
      skip: (page - 1) * PAGE_SIZE,
      select: {
        id: true,
        entityType: true,
        localId: true,
        system: true,
        externalId: true,
        syncedAt: true,
        syncHash: true,
      },
    }),
    db.externalLink.count({ where }),
  ]);

  return { rows: rows satisfies TExternalLinkRow[], total, page, pageCount: Math.ceil(total / PAGE_SIZE) };
}
