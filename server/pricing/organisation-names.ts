import "server-only";
import type { TOrganisationNames } from "@/lib/pricing/csv";
import { db } from "@/server/db";

/** Organisation names both ways, for rule CSVs (which name organisations, not ids). */
export async function loadOrganisationNames(): Promise<TOrganisationNames> {
  const organisations = await db.organisation.findMany({ select: { id: true, name: true } });

  return {
    idByName: new Map(organisations.map((item) => [item.name.toLowerCase(), item.id])),
    nameById: new Map(organisations.map((item) => [item.id, item.name])),
  };
}
