import "server-only";
import { z } from "zod";
import type { OdooClient, TDomain } from "@/server/odoo/client";
import { invalidResponse } from "@/server/odoo/errors";
import { toOdooDatetime } from "@/server/odoo/mappers";

// "What changed since" for every model Tradepost polls, one page at a time.
//
// Odoo compares datetimes per whole second (`write_date > T` means T + 1 s or later) and
// reads them without fractions, so polling with `>` the newest value seen misses records
// written later in that same second. Instead: `write_date >= T`, ordered `write_date asc,
// id asc`, excluding the ids already read at exactly T. The exclusion is in the domain, so
// each page is a fresh keyset query (no offset: records changing between pages shift no
// page) and a second holding more records than a page still advances.
//
// Limits a caller should know: a record read at T and written again within the same second
// reads as unchanged (its write_date is still T); and Odoo stamps write_date with the start
// of its transaction, so a slow transaction can commit records "in the past". Reconciliation
// therefore rewinds its cursor now and then (`rewindCursor`); the syncs are idempotent.

const ODOO_SECOND = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export const ZChangeCursor = z.object({
  /** The whole second (UTC, "YYYY-MM-DD HH:MM:SS") of the newest change read; null: from the start. */
  writeDate: z.string().regex(ODOO_SECOND).nullable(),
  /** Records already read whose write_date is exactly `writeDate`. */
  seenIds: z.array(z.number().int()),
});

export type TChangeCursor = z.infer<typeof ZChangeCursor>;

export const INITIAL_CURSOR: TChangeCursor = { writeDate: null, seenIds: [] };

/** A cursor that reads everything written at `date`'s second or later. */
export function cursorAt(date: Date): TChangeCursor {
  return { writeDate: toOdooDatetime(date), seenIds: [] };
}

/** The same cursor `seconds` earlier, forgetting what was seen: re-reads a safety window. */
export function rewindCursor(cursor: TChangeCursor, seconds: number): TChangeCursor {
  if (!cursor.writeDate) return INITIAL_CURSOR;

  return cursorAt(new Date(Date.parse(`${cursor.writeDate.replace(" ", "T")}Z`) - seconds * 1000));
}

export type TChangedPage<T> = { records: T[]; cursor: TChangeCursor; hasMore: boolean };

type TChangedRecord = { id: number; writeDate: Date | null };

export type TChangedSinceQuery<S extends z.ZodType<TChangedRecord>> = {
  model: string;
  fields: string[];
  schema: S;
  /** What to poll within the model (e.g. internal locations only); the cursor is added to it. */
  domain?: TDomain;
  cursor: TChangeCursor;
  limit?: number;
  context?: Record<string, unknown>;
};

export const DEFAULT_PAGE_SIZE = 200;

function cursorDomain(cursor: TChangeCursor): TDomain {
  if (!cursor.writeDate) return [];
  const atOrAfter = ["write_date", ">=", cursor.writeDate];
  if (!cursor.seenIds.length) return [atOrAfter];

  // Later seconds, or this second without what was read already.
  return [atOrAfter, "|", ["write_date", ">", cursor.writeDate], ["id", "not in", cursor.seenIds]];
}

/**
 * One page of records of `model` written at or after the cursor, oldest first, and the cursor
 * to read the next page with. `hasMore`: the page was full, so ask again with the new cursor.
 * Reads only; used by every gateway's `find*ChangedSince`.
 */
export async function readChangedSince<S extends z.ZodType<TChangedRecord>>(
  client: OdooClient,
  query: TChangedSinceQuery<S>,
): Promise<TChangedPage<z.infer<S>>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const fields = query.fields.includes("write_date") ? query.fields : [...query.fields, "write_date"];
  const records = await client.searchRead(query.model, fields, query.schema, {
    domain: [...(query.domain ?? []), ...cursorDomain(query.cursor)],
    order: "write_date asc, id asc",
    limit,
    context: query.context,
  });

  return { records, cursor: advance(query.model, query.cursor, records), hasMore: records.length === limit };
}

function advance(model: string, cursor: TChangeCursor, records: TChangedRecord[]): TChangeCursor {
  const seconds = records.map((record) => {
    if (!record.writeDate)
      throw invalidResponse(`${model} record ${record.id} has no write_date`, { retryable: false, status: 200 });

    return toOdooDatetime(record.writeDate);
  });
  const newest = seconds.at(-1);
  if (!newest) return cursor;
  const readNow = records.filter((_record, index) => seconds[index] === newest).map((record) => record.id);

  return { writeDate: newest, seenIds: newest === cursor.writeDate ? [...cursor.seenIds, ...readNow] : readNow };
}
