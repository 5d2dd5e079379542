import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TExternalLinkInput } from "@/lib/integrations/external-link";
import { db } from "@/server/db";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import { logger } from "@/server/logger";

type TKey = Pick<TExternalLinkInput, "system" | "entityType" | "localId">;

const STALE_CLAIM_MS = 30_000;
const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function linked(key: TKey): Promise<string | null> {
  const link = await db.externalLink.findUnique({
    where: { system_entityType_localId: key },
    select: { externalId: true },
  });

  return link?.externalId ?? null;
}

async function claim(key: TKey): Promise<boolean> {
  try {
    await db.externalClaim.create({ data: key });

    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/**
 * The id of the record in another system that stands for one of ours, creating it on first
 * need — exactly once, also when many requests ask at the same moment. The first caller
 * claims the key (a row in ExternalClaim), looks the record up in the other system (a
 * claim left by a crashed process may have created it already), creates it if missing and
 * links it; the others wait for the link. No call to the other system runs inside a
 * database transaction. `find` must identify the record by our own reference.
 */
export async function ensureExternalRecord(
  key: TKey,
  {
    find,
    create,
    timeoutMs = 15_000,
  }: { find: () => Promise<string | null>; create: () => Promise<string>; timeoutMs?: number },
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const existing = await linked(key);
    if (existing) return existing;
    if (await claim(key)) {
      try {
        const externalId = (await find()) ?? (await create());
        await db.$transaction(async (tx) => {
          await linkExternalRecord({ ...key, externalId }, tx);
          await tx.externalClaim.delete({ where: { system_entityType_localId: key } });
        });

        return externalId;
      } catch (error) {
        await db.externalClaim.deleteMany({ where: key });
        throw error;
      }
    }
    const stale = await db.externalClaim.deleteMany({
      where: { ...key, claimedAt: { lt: new Date(Date.now() - STALE_CLAIM_MS) } },
    });
    if (stale.count) logger.warn({ ...key }, "took over a stale claim");
    if (Date.now() > deadline)
      throw new AppError(
        "UPSTREAM_FAILED",
        "Setting up your account in the shop takes longer than expected. Please try again in a moment.",
      );
    await sleep(POLL_MS);
  }
}
