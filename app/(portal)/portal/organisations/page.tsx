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
      <PageHeader title="Organisations" description="Customer organisations and their members." />
      <OrganisationTable organisations={organisations} canManage={hasPermission(user.role, "organisations.manage")} />
    </>
  );
}
