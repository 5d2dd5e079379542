"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

const ROLE_LABELS = {
  APPROVER: "Approver",
  BUYER: "Buyer",
  ORG_ADMIN: "Organisation admin",
  DATA_MANAGER: "Data manager",
  OPERATOR: "Operator",
} as const;

export function UserMenu({ name, email, role }: { name: string; email: string; role: keyof typeof ROLE_LABELS }) {
  const [isSigningOut, setIsSigningOut] = useState(false);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        className="flex cursor-pointer items-center gap-2 rounded-full py-1 pr-3 pl-1 hover:bg-slate-100 data-[state=open]:bg-slate-100"
        aria-label="Account menu"
      >
        <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">
          {initials}
        </span>
        <span className="hidden text-sm font-medium text-slate-700 sm:block">{name}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel>
          <span className="block font-medium text-slate-900">{name}</span>
          <span className="block truncate text-slate-500">{email}</span>
          <span className="mt-1 block text-xs text-slate-500">{ROLE_LABELS[role]}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={isSigningOut}
          onSelect={(event) => {
            // Stay open and say so until next-auth has navigated away.
            event.preventDefault();
            setIsSigningOut(true);
            void signOut({ callbackUrl: "/login" });
          }}
        >
          {isSigningOut ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
