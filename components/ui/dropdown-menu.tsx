"use client";

import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

// A menu on Radix: arrow keys, typeahead, Escape, focus return and outside clicks come from it.

export const DropdownMenu = RadixMenu.Root;
export const DropdownMenuTrigger = RadixMenu.Trigger;

export function DropdownMenuContent({ className, sideOffset = 8, ...props }: ComponentProps<typeof RadixMenu.Content>) {
  return (
    <RadixMenu.Portal>
      <RadixMenu.Content
        sideOffset={sideOffset}
        className={cn("z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-3 shadow-lg", className)}
        {...props}
      />
    </RadixMenu.Portal>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof RadixMenu.Label>) {
  return <RadixMenu.Label className={cn("text-sm", className)} {...props} />;
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof RadixMenu.Item>) {
  return (
    <RadixMenu.Item
      className={cn(
        "w-full cursor-pointer rounded-md px-2 py-1.5 text-left text-sm text-slate-700 outline-none select-none",
        "data-highlighted:bg-slate-100 data-disabled:cursor-default data-disabled:text-slate-400",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof RadixMenu.Separator>) {
  return <RadixMenu.Separator className={cn("my-3 h-px bg-slate-100", className)} {...props} />;
}
