import { Card } from "@/components/ui/card";
import { formatTime } from "@/components/operations/format";
import type { TSystemStatus } from "@/server/operations/get-operations-overview";

const LABEL: Record<string, string> = { database: "Database", medusa: "Medusa", odoo: "Odoo", worker: "Worker" };

/** One card per system: up/down from the latest health sample, its latency and when it was taken. */
export function SystemStatus({ systems }: { systems: TSystemStatus[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {systems.map((system) => (
        <Card key={system.system} className="p-4" data-testid={`status-${system.system}`}>
          <div className="flex items-center justify-between">
            <span className="font-medium text-slate-800">{LABEL[system.system] ?? system.system}</span>
            <span
              className={
                system.ok === null
                  ? "rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-600"
                  : system.ok
                    ? "rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800"
                    : "rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800"
              }
            >
              {system.ok === null ? "unknown" : system.ok ? "up" : "down"}
            </span>
          </div>
          <div className="mt-2 text-2xl font-semibold tabular-nums text-slate-900">
            {system.latencyMs !== null ? `${system.latencyMs} ms` : "—"}
          </div>
          <div className="text-xs text-slate-500">
            {system.checkedAt
              ? `${system.detail ? `${system.detail} · ` : ""}checked ${formatTime(system.checkedAt)} UTC`
              : "no sample yet"}
          </div>
        </Card>
      ))}
    </div>
  );
}
