import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "@/server/auth/options";
import { hasPermission, type TPermission } from "@/server/auth/permissions";
import { db } from "@/server/db";

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
};

/**
 * The signed-in user as the database sees them now, or null. A deactivated user or a
 * suspended organisation is signed out on their next request, whatever the JWT says.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  // Anything that depends on who is asking is rendered per request, never prerendered.
  await connection();
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      organisationId: true,
      organisation: { select: { name: true, status: true } },
    },
  });
  if (!user?.isActive || user.organisation?.status === "SUSPENDED") return null;

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? null,
  };
});

/** For pages: sends the visitor to sign in, or to /forbidden when the role lacks `permission`. */
export async function requirePageUser(permission: TPermission): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const from = (await headers()).get("x-pathname") ?? "/";
    redirect(`/login?next=${encodeURIComponent(from)}`);
  }
  if (!hasPermission(user.role, permission)) redirect("/forbidden");

  return user;
}

/** For server actions and route handlers: throws UNAUTHENTICATED / FORBIDDEN AppErrors. */
export async function requireUser(permission: TPermission): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  if (!hasPermission(user.role, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do this.");

  return user;
}

/** For organisation-scoped work: the caller's organisation id, or FORBIDDEN for staff. */
export function organisationIdOf(user: TSessionUser): string {
  if (!user.organisationId) throw new AppError("FORBIDDEN", "This is only available to members of an organisation.");

  return user.organisationId;
}
