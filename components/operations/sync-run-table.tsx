import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

type TRun = {
  id: string;
  kind: string;
  trigger: string;
  entityType: string | null;
  localId: string | null;
  system: string | null;
  externalId: string | null;
  outcome: string;
  summary: string | null;
  error: string | null;
  startedAt: Date;
  durationMs: number;
  correlationId: string | null;
};

const TONE = { CHANGED: "success", UNCHANGED: "neutral", SKIPPED: "neutral", FAILED: "danger" } as const;

/** Sync-log runs: what ran for which record, how it ended, how long, under which correlation id. */
export function SyncRunTable({ runs }: { runs: TRun[] }) {
  if (runs.length === 0)
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        No runs match.
      </p>
    );

  return (
    <Table aria-label="Sync runs">
      <THead>
        <tr>
          <Th>Started</Th>
          <Th>Run</Th>
          <Th>Record</Th>
          <Th>Outcome</Th>
          <Th className="text-right">ms</Th>
          <Th>Correlation id</Th>
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <tr key={run.id} className="align-top">
            <Td className="whitespace-nowrap tabular-nums">{formatDateTime(run.startedAt)}</Td>
            <Td>
              <div className="font-mono text-xs">{run.kind}</div>
              <div className="text-xs text-slate-500">{run.trigger}</div>
            </Td>
            <Td className="text-xs">
              {run.entityType && (
                <div>
                  {run.entityType} <span className="font-mono">{run.localId}</span>
                </div>
              )}
              {run.system && (
                <div>
                  {run.system} <span className="font-mono">{run.externalId}</span>
                </div>
              )}
            </Td>
            <Td className="max-w-md">
              <Badge tone={TONE[run.outcome as keyof typeof TONE] ?? "neutral"}>{run.outcome.toLowerCase()}</Badge>
              <div className={run.error ? "mt-1 text-xs text-red-700" : "mt-1 text-xs text-slate-600"}>
                {run.error ?? run.summary}
              </div>
            </Td>
            <Td className="text-right tabular-nums">{run.durationMs}</Td>
            <Td className="font-mono text-xs">
              {run.correlationId ? (
                <a
                  className="underline"
                  href={`/portal/operations/sync-log?q=${encodeURIComponent(run.correlationId)}`}
                >
                  {run.correlationId}
                </a>
              ) : (
                "—"
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
