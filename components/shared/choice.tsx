"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";

/** A value the buyer can pick, or see why not: focusable even when unavailable, with the reason on hover and focus. */
export function Choice({ selected, possible, reason, label, image, onSelect, testId }: { selected: boolean; possible: boolean; reason: string | null; label: string; image?: string | null; onSelect: () => void; testId: string }) {
  const reasonId = useId();

  return (
    <span className="group relative">
      <button
        type="button"
        role="radio"
        aria-checked={selected}
        aria-disabled={!possible || undefined}
        aria-describedby={reason ? reasonId : undefined}
        data-testid={testId}
        onClick={() => possible && onSelect()}
        className={cn(
          "rounded-lg border px-3.5 py-2 text-sm font-medium transition-colors",
          selected ? "border-brand-600 bg-brand-50 text-brand-900 ring-1 ring-brand-600" : "border-slate-300 bg-white text-slate-800 hover:border-slate-400",
          !possible && "cursor-not-allowed border-dashed text-slate-400 line-through hover:border-slate-300",
        )}
      >
        {image && (
          // eslint-disable-next-line @next/next/no-img-element -- value images live on any host the data manager names
          <img src={image} alt="" className="mb-1.5 block size-16 rounded object-cover" />
        )}
        {label}
      </button>
      {reason && (
        <span id={reasonId} role="tooltip" className="pointer-events-none absolute bottom-full left-0 z-10 mb-2 hidden w-64 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal text-white shadow-lg group-focus-within:block group-hover:block">
          {reason}
        </span>
      )}
    </span>
  );
}
