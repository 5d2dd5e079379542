import Link from "next/link";
import { OrganisationTable } from "@/components/portal/organisation-table";
import { PageHeader } from "@/components/portal/page-header";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findOrganisations } from "@/server/organisations/find-organisations";

export const metadata = { title: "Organisations" };

export default async function OrganisationsPage() {
  const user = await requirePageUser("organisations.read");
  const organisations = await findOrganisations();

  return (
    <>
      <PageHeader
        title="Organisations"
        description="Customer organisations and their members."
        actions={
          <Link
            href="/portal/organisations/onboard"
            className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            Onboard from Odoo
          </Link>
        }
      />
      <OrganisationTable
        organisations={organisations}
        canManage={hasPermission(user.role, "organisations.manage")}
        now={new Date()}
      />
    </>
  );
}
