import { ApprovalRequestCard } from "@/components/approvals/approval-request-card";
import { findPendingApprovals } from "@/server/approvals/find-pending-approvals";
import { organisationIdOf, requirePageUser } from "@/server/auth/session";

export const metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const user = await requirePageUser("approvals.decide");
  const requests = await findPendingApprovals({ viewer: user, organisationId: organisationIdOf(user) });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
        <p className="text-slate-600">
          Orders of {user.organisationName ?? "your organisation"} waiting for a decision, oldest first. Steps are
          decided in order; nobody decides their own request.
        </p>
      </div>
      {requests.length ? (
        requests.map((request) => <ApprovalRequestCard key={request.orderId} request={request} />)
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          Nothing is waiting for approval.
        </p>
      )}
    </div>
  );
}
