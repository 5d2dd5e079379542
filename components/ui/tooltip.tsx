"use client";

import * as RadixTooltip from "@radix-ui/react-tooltip";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

type TTooltipProps = {
  /** The text shown; it also becomes the trigger's accessible description while shown. */
  content: ReactNode;
  /** One focusable element (it receives the trigger's props and ref). */
  children: ReactNode;
  side?: "top" | "right" | "bottom" | "left";
  align?: "start" | "center" | "end";
  className?: string;
};

/** A tooltip on Radix: shown on hover and on keyboard focus, hidden on Escape, announced as a description. */
export function Tooltip({ content, children, side = "top", align = "center", className }: TTooltipProps) {
  return (
    // A provider per tooltip keeps the primitive self-contained; the delays are the same for all.
    <RadixTooltip.Provider delayDuration={150} skipDelayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            side={side}
            align={align}
            sideOffset={8}
            collisionPadding={8}
            className={cn(
              "z-50 max-w-64 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal whitespace-pre-line text-white shadow-lg",
              className,
            )}
          >
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
