import { CustomerAccountPanel } from "@/components/portal/organisation/customer-account-panel";
import { MemberTable } from "@/components/portal/member-table";
import { PageHeader } from "@/components/portal/page-header";
import { hasPermission } from "@/server/auth/permissions";
import { organisationIdOf, requirePageUser } from "@/server/auth/session";
import { getCachedCustomerAccount } from "@/server/erp/get-cached-customer-account";
import { findOrganisationMembers } from "@/server/organisations/find-organisation-members";

export const metadata = { title: "My organisation" };

export default async function MyOrganisationPage() {
  const user = await requirePageUser("organisation.members.read");
  const [members, account] = await Promise.all([
    findOrganisationMembers({ organisationId: organisationIdOf(user) }),
    hasPermission(user.role, "organisation.account.read") ? getCachedCustomerAccount(user) : null,
  ]);

  return (
    <>
      <PageHeader
        title={user.organisationName ?? "My organisation"}
        description={`${members.length} member${members.length === 1 ? "" : "s"}. Deactivated members cannot sign in.`}
      />
      <MemberTable
        members={members}
        currentUserId={user.id}
        canManage={hasPermission(user.role, "organisation.members.manage")}
      />
      {account && (
        <div className="mt-10">
          <CustomerAccountPanel account={account} now={new Date()} />
        </div>
      )}
    </>
  );
}
