import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The centred card of the sign-in, invitation and password-reset pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-700 to-brand-500 p-6">
      <Card className="w-full max-w-md p-8">
        <div className="mb-6 space-y-1">
          <p className="text-sm font-semibold tracking-wide text-brand-600">TRADEPOST</p>
          <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
          {intro && <div className="text-sm text-slate-600">{intro}</div>}
        </div>
        {children}
      </Card>
    </main>
  );
}

/** A plain statement in place of a form (an expired link, a sent email). */
export function AuthNotice({ tone = "info", children }: { tone?: "info" | "warning"; children: ReactNode }) {
  const colours =
    tone === "warning" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-brand-100 bg-brand-50 text-brand-900";

  return (
    <div role="status" className={`rounded-md border px-3 py-3 text-sm ${colours}`}>
      {children}
    </div>
  );
}
