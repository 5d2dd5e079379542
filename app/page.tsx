import { redirect } from "next/navigation";
import { hasPermission } from "@/server/auth/permissions";
import { getSessionUser } from "@/server/auth/session";

// The front door: buyers to the catalogue, staff to the portal, everyone else to sign in.
export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  redirect(hasPermission(user.role, "storefront.browse") ? "/catalog" : "/portal");
}
