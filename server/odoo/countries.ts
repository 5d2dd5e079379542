import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { OdooClient } from "@/server/odoo/client";
import { odooRecord } from "@/server/odoo/mappers";

// res.country ids differ between Odoo databases; Tradepost speaks ISO 3166 codes. Countries
// do not change while a process runs, so each client keeps what it has looked up.

const ZCountry = odooRecord({ code: z.string() });
const cache = new WeakMap<OdooClient, { byId: Map<number, string>; byCode: Map<string, number> }>();

function cacheFor(client: OdooClient) {
  let entry = cache.get(client);
  if (!entry) cache.set(client, (entry = { byId: new Map(), byCode: new Map() }));

  return entry;
}

function remember(client: OdooClient, countries: z.infer<typeof ZCountry>[]): void {
  const entry = cacheFor(client);
  for (const { id, code } of countries) {
    entry.byId.set(id, code);
    entry.byCode.set(code, id);
  }
}

/** ISO codes of res.country ids (ids Odoo does not know are left out). */
export async function getCountryCodes(client: OdooClient, ids: number[]): Promise<Map<number, string>> {
  const { byId } = cacheFor(client);
  const missing = [...new Set(ids)].filter((id) => !byId.has(id));
  if (missing.length) remember(client, await client.read("res.country", missing, ["code"], ZCountry));

  return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!]));
}

/** The res.country id of an ISO 3166 alpha-2 code; INVALID_INPUT when Odoo has no such country. */
export async function getCountryIdByCode(client: OdooClient, code: string): Promise<number> {
  const upper = code.toUpperCase();
  const { byCode } = cacheFor(client);
  if (!byCode.has(upper))
    remember(
      client,
      await client.searchRead("res.country", ["code"], ZCountry, { domain: [["code", "=", upper]], limit: 1 }),
    );
  const id = byCode.get(upper);
  if (id === undefined) throw new AppError("INVALID_INPUT", `Odoo has no country with the code ${upper}.`);

  return id;
}
