"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const TABS = [
  { href: "/portal/operations", label: "Overview" },
  { href: "/portal/operations/queues", label: "Queues & dead letters" },
  { href: "/portal/operations/inbox", label: "Webhook inbox" },
  { href: "/portal/operations/sync-log", label: "Sync log" },
  { href: "/portal/operations/drift", label: "Drift" },
  { href: "/portal/operations/catalog-import", label: "Catalogue import" },
  { href: "/portal/mappings", label: "ID mappings" },
];

export function OperationsTabs() {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/portal/operations" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);

  return (
    <nav aria-label="Operations" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={current(tab.href) ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            current(tab.href)
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
