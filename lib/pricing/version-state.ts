// What a rule-set version is, as people see it. The database stores draft, pending
// approval, approved and published; whether a published version is scheduled, live or
// superseded follows from the clock: the live one is the published version with the
// latest go-live time that has passed (so a scheduled version goes live by itself, and a
// rollback — a new version copying an old one — takes over at once).

export type TVersionStatus = "DRAFT" | "PENDING_APPROVAL" | "APPROVED" | "PUBLISHED";
export type TVersionState = "draft" | "pending_approval" | "approved" | "scheduled" | "live" | "superseded";
type TVersionTiming = { id: string; number: number; status: TVersionStatus; effectiveFrom: Date | null };

export const VERSION_STATE_LABELS: Record<TVersionState, string> = {
  draft: "Draft",
  pending_approval: "Awaiting approval",
  approved: "Approved",
  scheduled: "Scheduled",
  live: "Live",
  superseded: "Superseded",
};

/** The version live at `at`, or null when none has gone live yet. */
export function pickLiveVersion<V extends TVersionTiming>(versions: V[], at: Date): V | null {
  let live: V | null = null;
  for (const version of versions) {
    if (version.status !== "PUBLISHED" || !version.effectiveFrom || version.effectiveFrom > at) continue;
    if (
      !live ||
      version.effectiveFrom > live.effectiveFrom! ||
      (version.effectiveFrom.getTime() === live.effectiveFrom!.getTime() && version.number > live.number)
    )
      live = version;
  }

  return live;
}

export function versionState(version: TVersionTiming, liveId: string | null, now: Date): TVersionState {
  switch (version.status) {
    case "DRAFT":
      return "draft";
    case "PENDING_APPROVAL":
      return "pending_approval";
    case "APPROVED":
      return "approved";
    case "PUBLISHED":
      if (version.id === liveId) return "live";

      return version.effectiveFrom && version.effectiveFrom > now ? "scheduled" : "superseded";
  }
}
