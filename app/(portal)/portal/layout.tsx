import Link from "next/link";
import type { ReactNode } from "react";
import { OrganisationBadge } from "@/components/shared/organisation-badge";
import { UserMenu } from "@/components/shared/user-menu";
import { PortalNav } from "@/components/portal/portal-nav";
import { portalNavigation } from "@/server/auth/portal-navigation";
import { getSessionUser } from "@/server/auth/session";

// Chrome only. Every portal page authorises the visitor itself (requirePageUser).
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) return children;

  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col gap-6 bg-brand-900 p-4 md:flex">
        <Link href="/portal" className="px-3 text-lg font-semibold text-white">
          Tradepost <span className="font-normal text-brand-100">portal</span>
        </Link>
        <PortalNav items={portalNavigation(user.role)} />
        {user.role === "ORG_ADMIN" && (
          <Link href="/catalog" className="mt-auto px-3 text-sm text-brand-100 hover:text-white">
            ← Back to the store
          </Link>
        )}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-16 items-center justify-end gap-4 border-b border-slate-200 bg-white px-6">
          <OrganisationBadge name={user.organisationName} />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        <main className="flex-1 p-6 lg:p-8">{children}</main>
      </div>
    </div>
  );
}
