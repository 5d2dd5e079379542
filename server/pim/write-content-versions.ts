import "server-only";
import { db } from "@/server/db";

export type TContentVersionRow = { sku: string; locale: string; version: string | null };

/**
 * Records what Strapi publishes per (SKU, locale); `version` null: nothing published. A row's
 * `changedAt` moves (to the database's now()) only when its version differs, so writing what is
 * already known changes nothing and no instance expires anything. Returns the rows that changed.
 * Written by the webhook's job and the reconciliation job alike; a stale write (an older read
 * landing last) only costs the instances one needless re-read, and the next pass corrects it.
 */
export async function writeContentVersions(rows: readonly TContentVersionRow[]): Promise<TContentVersionRow[]> {
  // One row per key: PostgreSQL refuses an upsert that touches a row twice.
  const unique = [...new Map(rows.map((row) => [`${row.locale}:${row.sku}`, row])).values()];
  if (unique.length === 0) return [];

  return db.$queryRaw<TContentVersionRow[]>`
    INSERT INTO "PimContentVersion" ("sku", "locale", "version", "changedAt")
    SELECT sku, locale, version, now()
    FROM unnest(${unique.map((row) => row.sku)}::text[], ${unique.map((row) => row.locale)}::text[],
                ${unique.map((row) => row.version)}::text[]) AS given(sku, locale, version)
    ON CONFLICT ("sku", "locale") DO UPDATE SET "version" = EXCLUDED."version", "changedAt" = now()
      WHERE "PimContentVersion"."version" IS DISTINCT FROM EXCLUDED."version"
    RETURNING "sku", "locale", "version"`;
}
