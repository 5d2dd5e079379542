// Polling by write_date against the emulator, which compares datetimes per whole second as
// Odoo does: records written in the same second across a page boundary, more of them than a
// page holds, and writes that land in a second already read.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import type { OdooClient } from "@/server/odoo/client";
import {
  INITIAL_CURSOR,
  readChangedSince,
  rewindCursor,
  ZChangeCursor,
  type TChangeCursor,
} from "@/server/odoo/changed-since";
import { odooDatetime, odooRecord, odooText } from "@/server/odoo/mappers";

const emulator = useOdooEmulator();

// Later than anything the seed wrote, so a poll from here sees only what a test writes.
const T = "2031-01-01 10:00:00";
const T_PLUS_1 = "2031-01-01 10:00:01";

const ZRow = odooRecord({ name: odooText, write_date: odooDatetime }).transform((row) => ({
  id: row.id,
  name: row.name,
  writeDate: row.write_date,
}));

function poll(client: OdooClient, cursor: TChangeCursor, limit: number) {
  return readChangedSince(client, {
    model: "res.partner",
    fields: ["name"],
    schema: ZRow,
    domain: [["ref", "=like", "CS-%"]],
    cursor,
    limit,
  });
}

/** Reads pages until one is not full; every record read, in order, and the last cursor. */
async function drain(client: OdooClient, from: TChangeCursor, limit: number) {
  const names: (string | null)[] = [];
  let cursor = from;
  for (let page = 0; page < 20; page += 1) {
    const result = await poll(client, cursor, limit);
    names.push(...result.records.map((record) => record.name));
    // Survives a job payload or a database column.
    cursor = ZChangeCursor.parse(JSON.parse(JSON.stringify(result.cursor)));
    if (!result.hasMore) return { names, cursor };
  }
  throw new Error("polling did not finish");
}

async function writePartners(client: OdooClient, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push(...(await client.create("res.partner", { name, ref: `CS-${name}` })));

  return ids;
}

describe.each(ODOO_PROTOCOLS)("changed since a cursor, over %s", (protocol) => {
  it("reads two records written in the same second across a page boundary once each, then nothing", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock(T);
    await writePartners(client, ["A", "B"]);

    const first = await poll(client, { writeDate: T, seenIds: [] }, 1);
    expect(first.records.map((record) => record.name)).toEqual(["A"]);
    expect(first.hasMore).toBe(true);
    const second = await poll(client, first.cursor, 1);
    expect(second.records.map((record) => record.name)).toEqual(["B"]);
    const third = await poll(client, second.cursor, 1);
    expect(third.records).toEqual([]);
    expect(third.hasMore).toBe(false);
    expect(third.cursor).toEqual({ writeDate: T, seenIds: [first.records[0]!.id, second.records[0]!.id] });
  });

  it("gets past a second that holds more records than a page", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock(T);
    await writePartners(client, ["A", "B", "C", "D", "E"]);

    const { names, cursor } = await drain(client, { writeDate: T, seenIds: [] }, 2);

    expect(names).toEqual(["A", "B", "C", "D", "E"]);
    expect(cursor.writeDate).toBe(T);
    expect(cursor.seenIds).toHaveLength(5);
  });

  it("finds a record written later in a second already read, and a read one written again later", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock(T);
    const [a] = await writePartners(client, ["A", "B"]);
    const before = await drain(client, { writeDate: T, seenIds: [] }, 1);
    expect(before.names).toEqual(["A", "B"]);

    await writePartners(client, ["C"]); // still second T
    const sameSecond = await drain(client, before.cursor, 1);
    expect(sameSecond.names).toEqual(["C"]);

    await emulator.freezeClock(T_PLUS_1);
    await client.write("res.partner", [a!], { name: "A2" });
    const later = await drain(client, sameSecond.cursor, 1);
    expect(later.names).toEqual(["A2"]);
    expect(later.cursor).toEqual({ writeDate: T_PLUS_1, seenIds: [a] });
    expect((await drain(client, later.cursor, 1)).names).toEqual([]);
  });

  it("reads everything from the initial cursor, oldest first, and re-reads a window after a rewind", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock(T);
    await writePartners(client, ["A"]);
    await emulator.freezeClock(T_PLUS_1);
    await writePartners(client, ["B"]);

    const all = await drain(client, INITIAL_CURSOR, 50);
    expect(all.names).toEqual(["A", "B"]);
    expect(all.cursor.writeDate).toBe(T_PLUS_1);
    expect((await drain(client, rewindCursor(all.cursor, 1), 50)).names).toEqual(["A", "B"]);
  });

  it("shows why `>` the newest write_date is not enough: it misses the rest of that second", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock(T);
    await writePartners(client, ["A"]);
    await writePartners(client, ["B"]);
    const row = z.object({ id: z.number() }).loose();

    expect(
      await client.searchRead("res.partner", ["name"], row, {
        domain: [
          ["ref", "=like", "CS-%"],
          ["write_date", ">", T],
        ],
      }),
    ).toEqual([]);
    expect((await drain(client, { writeDate: T, seenIds: [] }, 50)).names).toEqual(["A", "B"]);
  });
});
