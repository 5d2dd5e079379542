"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

const ROLE_LABELS = { BUYER: "Buyer", ORG_ADMIN: "Organisation admin", DATA_MANAGER: "Data manager", OPERATOR: "Operator" } as const;

export function UserMenu({ name, email, role }: { name: string; email: string; role: keyof typeof ROLE_LABELS }) {
  const [isSigningOut, setIsSigningOut] = useState(false);
  const initials = name.split(/\s+/).map((part) => part[0]).join("").slice(0, 2).toUpperCase();

  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full py-1 pl-1 pr-3 hover:bg-slate-100" aria-label="Account menu">
        <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">{initials}</span>
        <span className="hidden text-sm font-medium text-slate-700 sm:block">{name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <p className="text-sm font-medium text-slate-900">{name}</p>
        <p className="truncate text-sm text-slate-500">{email}</p>
        <p className="mt-1 text-xs text-slate-500">{ROLE_LABELS[role]}</p>
        <hr className="my-3 border-slate-100" />
        <button
          type="button"
          className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 disabled:text-slate-400"
          disabled={isSigningOut}
          onClick={() => {
            setIsSigningOut(true);
            void signOut({ callbackUrl: "/login" });
          }}
        >
          {isSigningOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </details>
  );
}
