import "server-only";
import { db } from "@/server/db";

export type TOrganisationMember = {
  id: string;
  name: string;
  email: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  isActive: boolean;
  lastLoginAt: Date | null;
};

/** The members of one organisation. The organisation id comes from the caller's session. */
export async function findOrganisationMembers({
  organisationId,
}: {
  organisationId: string;
}): Promise<TOrganisationMember[]> {
  const members = await db.user.findMany({
    where: { organisationId, role: { in: ["BUYER", "APPROVER", "ORG_ADMIN"] } },
    select: { id: true, name: true, email: true, role: true, isActive: true, lastLoginAt: true },
    orderBy: [{ role: "desc" }, { name: "asc" }],
  });

  return members.map((member) => ({ ...member, role: member.role as TOrganisationMember["role"] }));
}
