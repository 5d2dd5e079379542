import Link from "next/link";
import { OrganisationBadge } from "@/components/shared/organisation-badge";
import { UserMenu } from "@/components/shared/user-menu";
import type { TSessionUser } from "@/server/auth/session";

export function SiteHeader({ user }: { user: TSessionUser }) {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/catalog" className="text-lg font-semibold tracking-tight text-brand-700">
          Tradepost
        </Link>
        <nav className="flex items-center gap-4 text-sm font-medium text-slate-600">
          <Link href="/catalog" className="hover:text-slate-900">
            Catalogue
          </Link>
          <Link href="/quick-order" className="hover:text-slate-900">
            Quick order
          </Link>
          <Link href="/cart" className="hover:text-slate-900">
            Cart
          </Link>
          <Link href="/orders" className="hover:text-slate-900">
            Orders
          </Link>
          {(user.role === "APPROVER" || user.role === "ORG_ADMIN") && (
            <Link href="/approvals" className="hover:text-slate-900">
              Approvals
            </Link>
          )}
          {user.role === "ORG_ADMIN" && (
            <Link href="/portal/organisation" className="hover:text-slate-900">
              Manage organisation
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-4">
          <OrganisationBadge name={user.organisationName} className="hidden md:inline" />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </div>
      </div>
    </header>
  );
}
