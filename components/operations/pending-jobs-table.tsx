import Link from "next/link";
import { CancelJobButton } from "@/components/operations/cancel-job-dialog";
import { describeOutput, formatTime } from "@/components/operations/format";
import { RetryNowButton } from "@/components/operations/retry-now-button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TPendingJob } from "@/server/operations/find-pending-jobs";

/** Jobs retrying or running now; a retrying one can run at once, any can be cancelled with a reason. */
export function PendingJobsTable({ jobs, canAct }: { jobs: TPendingJob[]; canAct: boolean }) {
  if (jobs.length === 0) return <p className="text-sm text-slate-600">Nothing is retrying or running.</p>;

  return (
    <Table aria-label="Retrying and running jobs">
      <THead>
        <tr>
          <Th>Job</Th>
          <Th>State</Th>
          <Th className="text-right">Attempt</Th>
          <Th>Next try</Th>
          <Th>Last error</Th>
          {canAct && <Th className="text-right">Actions</Th>}
        </tr>
      </THead>
      <TBody>
        {jobs.map((job) => (
          <tr key={job.id} className="align-top">
            <Td>
              <div className="font-mono text-xs">{job.queue}</div>
              {job.orderId && (
                <Link className="text-xs text-brand-700 underline" href={`/portal/operations/orders/${job.orderId}`}>
                  Order timeline
                </Link>
              )}
            </Td>
            <Td>{job.state === "retry" ? "retrying" : "running"}</Td>
            <Td className="text-right tabular-nums">
              {job.attempt} of {job.retryLimit + 1}
            </Td>
            <Td className="tabular-nums">{job.state === "retry" ? formatTime(job.startAfter) : "—"}</Td>
            <Td className="max-w-md text-red-800">{describeOutput(job.output)}</Td>
            {canAct && (
              <Td className="text-right">
                <div className="flex justify-end gap-2">
                  {job.state === "retry" && <RetryNowButton jobId={job.id} />}
                  <CancelJobButton jobId={job.id} />
                </div>
              </Td>
            )}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
