"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "UTC" });

/**
 * Keeps a server-rendered console page live: re-renders it every `seconds` (only while the tab is
 * visible), without a reload, so scroll position and open details stay where they are.
 */
export function LiveRefresh({ seconds = 5, renderedAt }: { seconds?: number; renderedAt: string }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);

    return () => clearInterval(timer);
  }, [router, seconds, paused]);

  return (
    <div className="flex items-center gap-2 text-xs text-slate-500" aria-live="off">
      <span
        className={paused ? "size-2 rounded-full bg-slate-400" : "size-2 animate-pulse rounded-full bg-emerald-500"}
      />
      <span>
        {paused ? "Paused" : `Live, every ${seconds} s`} · updated {TIME.format(new Date(renderedAt))} UTC
      </span>
      <button type="button" className="underline hover:text-slate-800" onClick={() => setPaused(!paused)}>
        {paused ? "Resume" : "Pause"}
      </button>
    </div>
  );
}
