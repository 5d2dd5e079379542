import "server-only";
import { CONTENT_LOCALES } from "@/lib/pim/types";
import { db } from "@/server/db";
import { strapiSettings, type TStrapiSettings } from "@/server/pim/client";
import { countPublished, findPublishedVersions } from "@/server/pim/find-published-versions";
import { writeContentVersions } from "@/server/pim/write-content-versions";

const CURSOR = "strapi.product-content";
/** Its lastRunAt is the last complete listing. */
const FULL_CURSOR = "strapi.product-content.full";
// Strapi stamps updatedAt before its transaction commits, and the watermark is kept in whole
// seconds: entries just before it are read again (harmless: an unchanged version is no change).
const OVERLAP_MS = 60_000;
// Paging by id while editors publish can skip an entry; an hourly complete listing repairs that.
const FULL_LISTING_EVERY_MS = 60 * 60_000;
const TOMBSTONE_DAYS = 1;

export type TContentReconcileOutcome =
  { skipped: string } | { read: number; changed: number; removed: number; completeListings: string[] };

/**
 * Repairs lost Strapi webhooks, for every app instance: reads the published entries changed since
 * the stored watermark (updatedAt or publishedAt, with an overlap), and, when Strapi's count of
 * published entries differs from what is recorded (an unpublish or delete leaves nothing to find
 * by date) or an hour has passed, all of them; then records each (SKU, locale)'s version in
 * PimContentVersion, which the instances poll to expire their caches. Idempotent: a second run
 * changes no version. Throws UPSTREAM_FAILED with Strapi down (the watermark stays). One run at a
 * time (the job is exclusive).
 */
export async function reconcileProductContent(): Promise<TContentReconcileOutcome> {
  const settings = strapiSettings();
  if (!settings) return { skipped: "No PIM configured (STRAPI_URL, STRAPI_API_TOKEN)." };
  const cursors = await db.syncCursor.findMany({ where: { name: { in: [CURSOR, FULL_CURSOR] } } });
  const writeDate = cursors.find((row) => row.name === CURSOR)?.writeDate;
  const lastFull = cursors.find((row) => row.name === FULL_CURSOR)?.lastRunAt;
  const watermark = writeDate ? new Date(`${writeDate.replace(" ", "T")}Z`) : null;
  const forceFull = !watermark || !lastFull || Date.now() - lastFull.getTime() > FULL_LISTING_EVERY_MS;
  const since = watermark && !forceFull ? new Date(watermark.getTime() - OVERLAP_MS) : undefined;

  const outcome = { read: 0, changed: 0, removed: 0, completeListings: [] as string[] };
  let newest = watermark;
  try {
    for (const locale of CONTENT_LOCALES) {
      const pass = await reconcileLocale(settings, locale, since);
      outcome.read += pass.read;
      outcome.changed += pass.changed;
      outcome.removed += pass.removed;
      if (pass.complete) outcome.completeListings.push(locale);
      if (pass.newest && (!newest || pass.newest > newest)) newest = pass.newest;
    }
  } catch (error) {
    await saveCursor(CURSOR, writeDate ?? null, false, `stopped: ${(error as Error).message}`);
    throw error;
  }
  const summary = `${outcome.read} read, ${outcome.changed} changed, ${outcome.removed} removed`;
  await saveCursor(CURSOR, newest ? newest.toISOString().slice(0, 19).replace("T", " ") : null, true, summary);
  if (outcome.completeListings.length === CONTENT_LOCALES.length) await saveCursor(FULL_CURSOR, null, true, summary);
  await db.pimContentVersion.deleteMany({
    where: { version: null, changedAt: { lt: new Date(Date.now() - TOMBSTONE_DAYS * 86_400_000) } },
  });

  return outcome;
}

async function reconcileLocale(settings: TStrapiSettings, locale: string, since: Date | undefined) {
  const changedOnes = await findPublishedVersions(settings, { locale, changedAfter: since });
  let changed = (await writeContentVersions(changedOnes.versions)).length;
  let read = changedOnes.versions.length;
  const newest = changedOnes.versions.reduce<Date | null>((max, entry) => {
    const at = new Date(entry.changedAt);

    return !max || at > max ? at : max;
  }, null);
  let all = since ? null : changedOnes;
  if (since) {
    const [published, recorded] = await Promise.all([
      countPublished(settings, locale),
      db.pimContentVersion.count({ where: { locale, version: { not: null } } }),
    ]);
    if (published !== recorded) {
      all = await findPublishedVersions(settings, { locale });
      read += all.versions.length;
      changed += (await writeContentVersions(all.versions)).length;
    }
  }
  // A listing cut short (past its page bound) proves nothing about what is missing from it.
  if (!all || all.versions.length < all.total) return { read, changed, removed: 0, complete: false, newest };
  // What is recorded as published but Strapi no longer lists was unpublished, deleted or re-keyed.
  const removed = await db.$queryRaw<{ sku: string }[]>`
    UPDATE "PimContentVersion" SET "version" = NULL, "changedAt" = now()
    WHERE "locale" = ${locale} AND "version" IS NOT NULL AND NOT ("sku" = ANY(${all.versions.map((entry) => entry.sku)}::text[]))
    RETURNING "sku"`;

  return { read, changed, removed: removed.length, complete: true, newest };
}

async function saveCursor(name: string, writeDate: string | null, ok: boolean, summary: string) {
  const data = { writeDate, lastRunAt: new Date(), lastRunOk: ok, lastRunSummary: summary.slice(0, 500) };
  await db.syncCursor.upsert({ where: { name }, create: { name, ...data }, update: data });
}
