import { Badge } from "@/components/ui/badge";
import { VERSION_STATE_LABELS, type TVersionState } from "@/lib/pricing/version-state";

const TONES = {
  draft: "neutral",
  pending_approval: "warning",
  approved: "brand",
  scheduled: "brand",
  live: "success",
  superseded: "neutral",
} as const;

export function VersionStateBadge({ state }: { state: TVersionState }) {
  return <Badge tone={TONES[state]}>{VERSION_STATE_LABELS[state]}</Badge>;
}
