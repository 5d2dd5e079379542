import "server-only";
import type { TPricingPolicy } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";

/** Replaces a draft's pricing policy, audited; an identical policy changes nothing. */
export async function updatePolicy({
  actor,
  versionId,
  policy,
}: {
  actor: TSessionUser;
  versionId: string;
  policy: TPricingPolicy;
}): Promise<{ changed: boolean }> {
  return mutateDraft<{ changed: boolean }>({
    actor,
    versionId,
    action: "pricing.policy.changed",
    change: (version) => {
      if (JSON.stringify(version.policy) === JSON.stringify(policy)) return { audit: null, result: { changed: false } };

      return { policy, audit: { before: version.policy, after: policy }, result: { changed: true } };
    },
  });
}
