"use client";

import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";

type TChoiceProps = {
  selected: boolean;
  possible: boolean;
  reason: string | null;
  label: string;
  image?: string | null;
  onSelect: () => void;
  testId: string;
};

/** A value the buyer can pick, or see why not: focusable even when unavailable, with the reason on hover and focus. */
export function Choice({ selected, possible, reason, label, image, onSelect, testId }: TChoiceProps) {
  const button = (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      aria-disabled={!possible || undefined}
      data-testid={testId}
      onClick={() => possible && onSelect()}
      className={cn(
        "rounded-lg border px-3.5 py-2 text-sm font-medium transition-colors",
        selected
          ? "border-brand-600 bg-brand-50 text-brand-900 ring-1 ring-brand-600"
          : "border-slate-300 bg-white text-slate-800 hover:border-slate-400",
        !possible && "cursor-not-allowed border-dashed text-slate-400 line-through hover:border-slate-300",
      )}
    >
      {image && (
        // eslint-disable-next-line @next/next/no-img-element -- value images live on any host the data manager names
        <img src={image} alt="" className="mb-1.5 block size-16 rounded object-cover" />
      )}
      {label}
    </button>
  );

  return reason ? (
    <Tooltip content={reason} side="top" align="start" className="w-64">
      {button}
    </Tooltip>
  ) : (
    button
  );
}
