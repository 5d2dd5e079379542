import Link from "next/link";
import { cn } from "@/lib/cn";
import type { TTimelineEvent } from "@/server/operations/timeline-event";

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium", timeZone: "UTC" });
const SYSTEM_TONE: Record<TTimelineEvent["system"], string> = {
  Tradepost: "bg-brand-50 text-brand-700",
  Medusa: "bg-violet-50 text-violet-700",
  Queue: "bg-slate-100 text-slate-700",
  Odoo: "bg-orange-50 text-orange-800",
  Webhook: "bg-sky-50 text-sky-800",
};
const DOT = { ok: "bg-emerald-500", failed: "bg-red-600", info: "bg-slate-400" } as const;

/** One order's steps across systems, oldest first. */
export function Timeline({ events }: { events: TTimelineEvent[] }) {
  return (
    <ol className="relative space-y-0 border-l border-slate-200 pl-6" aria-label="Order timeline">
      {events.map((event, index) => (
        <li key={index} className="relative pb-4" data-outcome={event.outcome} data-system={event.system}>
          <span
            className={cn("absolute top-1.5 -left-[1.9rem] size-3 rounded-full ring-4 ring-white", DOT[event.outcome])}
          />
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="w-40 shrink-0 text-xs tabular-nums text-slate-500">{TIME.format(event.at)} UTC</span>
            <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", SYSTEM_TONE[event.system])}>
              {event.system}
            </span>
            <span className={cn("text-sm font-medium", event.outcome === "failed" ? "text-red-800" : "text-slate-900")}>
              {event.title}
            </span>
            {event.durationMs !== undefined && (
              <span className="text-xs tabular-nums text-slate-500">{event.durationMs} ms</span>
            )}
            {event.record && (
              <span className="rounded bg-slate-50 px-1 font-mono text-xs text-slate-700" data-testid="timeline-record">
                {event.record}
              </span>
            )}
            {event.href && (
              <Link href={event.href} className="text-xs text-brand-700 underline">
                open
              </Link>
            )}
          </div>
          {event.detail && (
            <p
              className={cn(
                "mt-1 ml-40 pl-3 text-sm whitespace-pre-wrap",
                event.outcome === "failed" ? "text-red-700" : "text-slate-600",
              )}
            >
              {event.detail}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
