import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { APPROVAL_STEP_STATUS, ROLE_LABEL } from "@/lib/orders/order-status";
import type { TApprovalStepView } from "@/server/orders/get-order-detail";

/** Who had to approve, in order, and what each decided (who, when, their comment). */
export function ApprovalTrail({ steps }: { steps: TApprovalStepView[] }) {
  return (
    <ol className="space-y-3" aria-label="Approval steps">
      {steps.map((step) => {
        const status = APPROVAL_STEP_STATUS[step.status];

        return (
          <li key={step.position} data-testid="approval-step" className="flex gap-3">
            <span className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
              {step.position}
            </span>
            <div className="min-w-0 space-y-0.5">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                {step.reason}
                <Badge tone={status.tone}>{status.label}</Badge>
              </p>
              <p className="text-sm text-slate-600">
                {step.decidedAt
                  ? `${status.label} by ${step.decidedBy ?? "someone"} on ${formatDateTime(step.decidedAt)}`
                  : `Needs ${ROLE_LABEL[step.requiredRole] ?? step.requiredRole.toLowerCase()}`}
              </p>
              {step.comment && <p className="text-sm italic text-slate-700">“{step.comment}”</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
