import { ApprovalSteps } from "@/components/approvals/approval-steps";
import { DecisionPanel } from "@/components/approvals/decision-panel";
import { RetryPlacementButton } from "@/components/approvals/retry-placement-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/pricing/units";
import type { TPendingApproval } from "@/server/approvals/find-pending-approvals";

/** One pending approval request: who asked, what, why it needs approval, whose turn it is, and the decision. */
export function ApprovalRequestCard({ request }: { request: TPendingApproval }) {
  const money = (minor: number) => formatMoney(minor, request.currency);

  return (
    <Card className="space-y-5 p-5" data-testid="approval-request" aria-label={`Approval request ${request.reference}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">
            {request.reference} · {money(request.totalMinor)}
          </h2>
          <p className="text-sm text-slate-600">
            Requested by {request.buyer ? `${request.buyer.name} (${request.buyer.email})` : "a former member"} on{" "}
            {formatDateTime(request.submittedAt)}
            {request.poNumber && <> · PO {request.poNumber}</>}
          </p>
          <p className="text-sm text-slate-600">Expires {formatDateTime(request.expiresAt)}</p>
        </div>
        <Badge tone="warning">{request.waitingFor}</Badge>
      </div>

      <Table>
        <THead>
          <tr>
            <Th>Product</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Total</Th>
          </tr>
        </THead>
        <TBody>
          {request.lines.map((line) => (
            <tr key={line.position}>
              <Td>
                <div className="font-medium text-slate-900">{line.title}</div>
                <div className="text-xs text-slate-500">
                  {line.sku}
                  {line.description && line.description !== line.title && <> · {line.description}</>}
                </div>
              </Td>
              <Td className="text-right tabular-nums">{line.quantity}</Td>
              <Td className="text-right tabular-nums">{money(line.unitPriceMinor)}</Td>
              <Td className="text-right tabular-nums">{money(line.lineTotalMinor)}</Td>
            </tr>
          ))}
        </TBody>
        <tfoot className="border-t border-slate-200 text-sm">
          {[
            ["Subtotal", request.subtotalMinor],
            ["Shipping", request.shippingMinor],
            ["Tax", request.taxMinor],
          ].map(([label, amount]) => (
            <tr key={label as string}>
              <Td colSpan={3} className="py-1.5 text-right text-slate-500">
                {label}
              </Td>
              <Td className="py-1.5 text-right tabular-nums">{money(amount as number)}</Td>
            </tr>
          ))}
          <tr>
            <Td colSpan={3} className="text-right font-semibold text-slate-900">
              Total
            </Td>
            <Td className="text-right font-semibold tabular-nums text-slate-900">{money(request.totalMinor)}</Td>
          </tr>
        </tfoot>
      </Table>

      {request.notes && <p className="text-sm text-slate-700">Buyer&apos;s notes: {request.notes}</p>}

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Why it needs approval</h3>
        <ApprovalSteps steps={request.steps} currentStepId={request.currentStep?.id ?? null} />
      </div>

      {request.viewerMay.decide && request.currentStep ? (
        <DecisionPanel orderId={request.orderId} stepId={request.currentStep.id} reference={request.reference} />
      ) : request.placementRetryStepId ? (
        <RetryPlacementButton stepId={request.placementRetryStepId} reference={request.reference} />
      ) : (
        !request.viewerMay.decide && (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">{request.viewerMay.why}</p>
        )
      )}
    </Card>
  );
}
