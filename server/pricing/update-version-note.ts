import "server-only";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";

/** Replaces a draft's note, audited; the same note changes nothing. */
export async function updateVersionNote({
  actor,
  versionId,
  note,
}: {
  actor: TSessionUser;
  versionId: string;
  note: string;
}): Promise<{ changed: boolean }> {
  return mutateDraft<{ changed: boolean }>({
    actor,
    versionId,
    action: "pricing.version.note_changed",
    change: (version) =>
      version.note === note
        ? { audit: null, result: { changed: false } }
        : { note, audit: { before: { note: version.note }, after: { note } }, result: { changed: true } },
  });
}
