import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { getVersionView } from "@/server/pricing/get-version-view";

/** For the version pages: authorises (pricing.read) and loads the version, or 404. */
export async function loadVersionPage(params: Promise<{ versionId: string }>) {
  const user = await requirePageUser("pricing.read");
  const { versionId } = await params;
  if (!z.uuid().safeParse(versionId).success) notFound();
  const view = await getVersionView(versionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const permissions = {
    userId: user.id,
    canWrite: hasPermission(user.role, "pricing.write"),
    canPublish: hasPermission(user.role, "pricing.publish"),
  };

  return { user, view, permissions, editable: view.version.status === "DRAFT" && permissions.canWrite };
}
