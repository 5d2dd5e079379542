export type TTimelineSystem = "Tradepost" | "Medusa" | "Queue" | "Odoo" | "Webhook";

export type TTimelineEvent = {
  at: Date;
  system: TTimelineSystem;
  title: string;
  detail?: string;
  outcome: "ok" | "failed" | "info";
  durationMs?: number;
  correlationId?: string | null;
  /** The record the step made or touched, by its id or name in its system (S00042, WH/OUT/00005, ful_…). */
  record?: string;
  /** A console page about the record (the dead letters, the inbox, the sync log, the mappings …). */
  href?: string;
};
