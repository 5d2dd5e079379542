"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

type TDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  wide?: boolean;
  children: ReactNode;
};

/**
 * A modal dialog on Radix: focus trap, Escape, scroll lock and inert background come from it. A click
 * outside does not close it (forms inside would lose their input); Escape and the dialog's own buttons do.
 */
export function Dialog({ open, onClose, title, description, wide, children }: TDialogProps) {
  // Opened from state, not from a Radix Trigger, so Radix has no element to give focus back to: remember
  // what had focus when `open` turned true (before an autoFocus field inside takes it).
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpener(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            opener?.focus();
          }}
          onPointerDownOutside={(event) => event.preventDefault()}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2",
            "overflow-y-auto rounded-xl border border-slate-200 bg-white shadow-xl",
            wide ? "max-w-3xl" : "max-w-md",
          )}
        >
          <div className="space-y-4 p-6">
            <div className="space-y-1">
              <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="text-sm text-slate-600">{description}</RadixDialog.Description>
              )}
            </div>
            {children}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
