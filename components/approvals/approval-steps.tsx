import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import type { TApprovalStepView } from "@/server/approvals/find-pending-approvals";

const STATUS = {
  WAITING: { tone: "warning", label: "Waiting" },
  APPROVED: { tone: "success", label: "Approved" },
  REJECTED: { tone: "danger", label: "Rejected" },
} as const;

/** The approval trail of one request: each step, who must decide it, and what was decided. */
export function ApprovalSteps({ steps, currentStepId }: { steps: TApprovalStepView[]; currentStepId: string | null }) {
  return (
    <ol className="space-y-2" aria-label="Approval steps">
      {steps.map((step) => (
        <li
          key={step.id}
          className={`flex flex-wrap items-start gap-3 rounded-md border px-3 py-2 text-sm ${
            step.id === currentStepId ? "border-amber-300 bg-amber-50" : "border-slate-200"
          }`}
          data-testid="approval-step"
        >
          <span className="mt-0.5 w-14 shrink-0 font-medium text-slate-500">Step {step.position}</span>
          <div className="min-w-0 flex-1">
            <div className="font-medium text-slate-900">{step.reason}</div>
            <div className="text-slate-600">
              For {step.requiredRole === "ORG_ADMIN" ? "an org admin" : "an approver or an org admin"}
              {step.decidedBy && (
                <>
                  {" · "}
                  {STATUS[step.status].label.toLowerCase()} by {step.decidedBy}, {formatDateTime(step.decidedAt)}
                </>
              )}
            </div>
            {step.comment && <div className="mt-1 text-slate-700">“{step.comment}”</div>}
          </div>
          <Badge tone={STATUS[step.status].tone}>
            {step.id === currentStepId ? "To decide now" : STATUS[step.status].label}
          </Badge>
        </li>
      ))}
    </ol>
  );
}
