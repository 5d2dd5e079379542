import { CustomerAccountPanel } from "@/components/portal/organisation/customer-account-panel";
import { AddressChangeRequests } from "@/components/portal/members/address-change-requests";
import { InvitationTable } from "@/components/portal/members/invitation-table";
import { InviteMemberButton } from "@/components/portal/members/invite-member-dialog";
import { MemberTable } from "@/components/portal/member-table";
import { PageHeader } from "@/components/portal/page-header";
import { hasPermission } from "@/server/auth/permissions";
import { organisationIdOf, requirePageUser } from "@/server/auth/session";
import { getCachedCustomerAccount } from "@/server/erp/get-cached-customer-account";
import { findAddressChangeRequests } from "@/server/organisations/find-address-change-requests";
import { findOrganisationInvitations } from "@/server/organisations/find-organisation-invitations";
import { findOrganisationMembers } from "@/server/organisations/find-organisation-members";
import { getOrganisationCurrency } from "@/server/organisations/organisation-currency";

export const metadata = { title: "My organisation" };

export default async function MyOrganisationPage() {
  const user = await requirePageUser("organisation.members.read");
  const organisationId = organisationIdOf(user);
  const canManage = hasPermission(user.role, "organisation.members.manage");
  const currency = await getOrganisationCurrency(organisationId);
  const [members, invitations, account, addressRequests] = await Promise.all([
    findOrganisationMembers({ organisationId, currency }),
    canManage ? findOrganisationInvitations({ organisationId }) : [],
    hasPermission(user.role, "organisation.account.read") ? getCachedCustomerAccount(user) : null,
    canManage ? findAddressChangeRequests(organisationId) : [],
  ]);
  const active = members.filter((member) => member.isActive).length;
  const canRequestAddressChange = canManage && Boolean(account?.linked && account.addresses.length > 0);

  return (
    <>
      <PageHeader
        title={user.organisationName ?? "My organisation"}
        description={`${members.length} member${members.length === 1 ? "" : "s"}, ${active} active. Deactivated members cannot sign in.`}
        actions={canManage && <InviteMemberButton currency={currency} />}
      />
      <MemberTable members={members} currentUserId={user.id} canManage={canManage} currency={currency} />
      {invitations.length > 0 && (
        <section className="mt-10 space-y-3">
          <h2 className="text-lg font-semibold text-slate-900">Invitations</h2>
          <InvitationTable invitations={invitations} currency={currency} />
        </section>
      )}
      {account && (
        <div className="mt-10">
          <CustomerAccountPanel account={account} now={new Date()} canRequestAddressChange={canRequestAddressChange} />
          {canRequestAddressChange && account.linked && (
            <AddressChangeRequests addresses={account.addresses} requests={addressRequests} />
          )}
        </div>
      )}
    </>
  );
}
