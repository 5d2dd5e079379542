import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { checkVersion } from "@/server/pricing/check-version";
import { mutateDraft } from "@/server/pricing/mutate-draft";
import { getVersionOrThrow } from "@/server/pricing/version-records";

/**
 * Records that a data manager has read these warnings and accepts them (audited). Only
 * current warnings can be acknowledged; an acknowledgement lasts while the finding's key
 * (its code and rules) is the same, so an edit that changes the problem asks again.
 */
export async function acknowledgeWarnings({
  actor,
  versionId,
  keys,
}: {
  actor: TSessionUser;
  versionId: string;
  keys: string[];
}): Promise<{ acknowledged: number }> {
  const { findings } = await checkVersion(await getVersionOrThrow(versionId));
  const warnings = new Map(findings.filter((item) => item.severity === "warning").map((item) => [item.key, item]));
  const unknown = keys.filter((key) => !warnings.has(key));
  if (unknown.length)
    throw new AppError("CONFLICT", "Some of these warnings no longer apply. Reload to see the current ones.");

  return mutateDraft({
    actor,
    versionId,
    action: "pricing.warnings.acknowledged",
    change: (version) => {
      const added = keys.filter((key) => !version.acknowledgedWarnings.includes(key));
      if (!added.length) return { audit: null, result: { acknowledged: 0 } };

      return {
        acknowledgedWarnings: [...version.acknowledgedWarnings, ...added],
        audit: { before: null, after: added.map((key) => ({ key, message: warnings.get(key)!.message })) },
        result: { acknowledged: added.length },
      };
    },
  });
}
