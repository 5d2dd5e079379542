import "server-only";
import { db } from "@/server/db";

export type TOrganisationSummary = {
  id: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  memberCount: number;
  createdAt: Date;
};

/** Every organisation, for staff (the caller must hold organisations.read). */
export async function findOrganisations(): Promise<TOrganisationSummary[]> {
  const organisations = await db.organisation.findMany({
    select: { id: true, name: true, status: true, createdAt: true, _count: { select: { users: true } } },
    orderBy: { name: "asc" },
  });

  return organisations.map(({ _count, ...organisation }) => ({ ...organisation, memberCount: _count.users }));
}
