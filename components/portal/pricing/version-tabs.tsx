import Link from "next/link";
import { cn } from "@/lib/cn";

export type TVersionTab = "rules" | "simulate" | "what-if" | "changes" | "history";

const TABS: { tab: TVersionTab; label: string; path: string }[] = [
  { tab: "rules", label: "Rules", path: "" },
  { tab: "simulate", label: "Simulator", path: "/simulate" },
  { tab: "what-if", label: "What-if", path: "/what-if" },
  { tab: "changes", label: "Changes", path: "/changes" },
  { tab: "history", label: "History", path: "/history" },
];

export function VersionTabs({
  versionId,
  current,
  changeCount,
}: {
  versionId: string;
  current: TVersionTab;
  changeCount: number;
}) {
  return (
    <nav className="flex gap-1 border-b border-slate-200" aria-label="Version">
      {TABS.map(({ tab, label, path }) => (
        <Link
          key={tab}
          href={`/portal/pricing/versions/${versionId}${path}`}
          aria-current={tab === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-4 py-2.5 text-sm font-medium",
            tab === current
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
          )}
        >
          {label}
          {tab === "changes" && changeCount > 0 && (
            <span className="ml-1.5 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{changeCount}</span>
          )}
        </Link>
      ))}
    </nav>
  );
}
