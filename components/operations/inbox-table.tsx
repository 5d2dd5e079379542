import Link from "next/link";
import { describeOutput, formatTime } from "@/components/operations/format";
import { ReprocessButton } from "@/components/operations/reprocess-button";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TInboundDeliveryRow } from "@/server/operations/find-inbound-deliveries";

const TONE = {
  ACCEPTED: "brand",
  PROCESSED: "success",
  DUPLICATE: "neutral",
  REJECTED: "warning",
  FAILED: "danger",
} as const;

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Webhook deliveries: verdict and reason, what they were about, the job they caused; headers and body on demand. */
export function InboxTable({ rows, canAct }: { rows: TInboundDeliveryRow[]; canAct: boolean }) {
  if (rows.length === 0)
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        No deliveries match.
      </p>
    );

  return (
    <Table aria-label="Webhook deliveries">
      <THead>
        <tr>
          <Th>Received</Th>
          <Th>Status</Th>
          <Th>Subject</Th>
          <Th>Reason</Th>
          <Th>Job</Th>
          <Th>Details</Th>
          {canAct && <Th className="text-right">Actions</Th>}
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-delivery={row.id} className="align-top">
            <Td className="whitespace-nowrap tabular-nums">
              {formatTime(row.receivedAt)}
              <div className="text-xs text-slate-500">{row.source}</div>
            </Td>
            <Td>
              <Badge tone={TONE[row.status]}>{row.status.toLowerCase()}</Badge>
            </Td>
            <Td className="font-mono text-xs">{row.subjectType ? `${row.subjectType} #${row.subjectId}` : "—"}</Td>
            <Td className="max-w-xs">
              {row.reason ?? "—"}
              {row.duplicateOfId && (
                <Link
                  className="block text-xs text-brand-700 underline"
                  href={`/portal/operations/inbox?q=${row.duplicateOfId}`}
                >
                  Original delivery
                </Link>
              )}
            </Td>
            <Td className="max-w-xs text-xs">
              {row.job ? (
                <>
                  <span
                    className={
                      row.job.deadLettered || row.job.state === "failed" ? "font-medium text-red-700" : undefined
                    }
                  >
                    {row.job.state}
                  </span>
                  {row.job.output != null && <div className="text-slate-500">{describeOutput(row.job.output)}</div>}
                </>
              ) : row.jobId ? (
                "cleaned up"
              ) : (
                "none"
              )}
            </Td>
            <Td className="max-w-md">
              <details>
                <summary className="cursor-pointer text-xs text-slate-600">Headers and body</summary>
                <p className="mt-1 text-xs text-slate-500">
                  Correlation id: <span className="font-mono">{row.correlationId}</span>
                </p>
                <pre className="mt-2 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs">
                  {JSON.stringify(row.headers, null, 2)}
                </pre>
                <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">
                  {prettyBody(row.body) || "(empty)"}
                </pre>
              </details>
            </Td>
            {canAct && (
              <Td className="text-right">
                {(row.status === "ACCEPTED" || row.status === "PROCESSED" || row.status === "FAILED") && (
                  <ReprocessButton deliveryId={row.id} />
                )}
              </Td>
            )}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
