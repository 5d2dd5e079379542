import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatAge } from "@/components/operations/format";
import type { TQueueStats } from "@/server/operations/find-queue-stats";

const num = (value: number, danger = false) => (
  <span className={value > 0 && danger ? "font-semibold text-red-700" : value === 0 ? "text-slate-500" : undefined}>
    {value}
  </span>
);

/** Per job: waiting, running, retrying, failed, dead-lettered, and throughput over the last hour. */
export function QueueTable({ queues }: { queues: TQueueStats[] }) {
  return (
    <Table aria-label="Queues">
      <THead>
        <tr>
          <Th>Job</Th>
          <Th className="text-right">Waiting</Th>
          <Th className="text-right">Scheduled</Th>
          <Th className="text-right">Running</Th>
          <Th className="text-right">Retrying</Th>
          <Th className="text-right">Failed</Th>
          <Th className="text-right">Dead letters</Th>
          <Th className="text-right">Done / h</Th>
          <Th className="text-right">Oldest waiting</Th>
        </tr>
      </THead>
      <TBody>
        {queues.map((queue) => (
          <tr key={queue.queue} data-queue={queue.queue}>
            <Td className="font-mono text-xs">{queue.queue}</Td>
            <Td className="text-right tabular-nums">{num(queue.waiting)}</Td>
            <Td className="text-right tabular-nums">{num(queue.deferred)}</Td>
            <Td className="text-right tabular-nums">{num(queue.active)}</Td>
            <Td className="text-right tabular-nums">{num(queue.retrying, true)}</Td>
            <Td className="text-right tabular-nums">{num(queue.failed)}</Td>
            <Td className="text-right tabular-nums">{num(queue.deadLettered, true)}</Td>
            <Td className="text-right tabular-nums">{num(queue.completedLastHour)}</Td>
            <Td className="text-right tabular-nums">{formatAge(queue.oldestWaitingSeconds)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
