import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { describeChange } from "@/lib/audit/describe-change";
import type { TRuleChange, TVersionDiff } from "@/lib/pricing/diff";
import { RULE_KIND_LABELS } from "@/lib/pricing/describe-rule";
import { describePolicy } from "@/lib/pricing/policy-words";

const TONE = { added: "success", removed: "danger", changed: "warning" } as const;

function ChangeRow({ change }: { change: TRuleChange }) {
  const lines =
    change.type === "changed"
      ? describeChange(
          Object.fromEntries(change.fields.map((field) => [field, (change.before as Record<string, unknown>)[field]])),
          Object.fromEntries(change.fields.map((field) => [field, (change.after as Record<string, unknown>)[field]])),
        )
      : [];
  const rule = change.type === "removed" ? change.before : change.after;

  return (
    <li className="flex gap-3 py-2.5" data-testid="diff-row" data-change={change.type}>
      <Badge tone={TONE[change.type]}>{change.type}</Badge>
      <div className="min-w-0 text-sm">
        <p>
          <span className="font-mono text-xs">{change.id}</span>{" "}
          <span className="text-slate-500">{RULE_KIND_LABELS[change.kind].one}</span>{" "}
          {rule.note && <span className="text-slate-700">– {rule.note}</span>}
        </p>
        {lines.length > 0 && (
          <ul className="font-mono text-xs text-slate-600">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** Rules added, removed and changed against the compared version, and policy changes. */
export function VersionDiff({ diff, comparedWith }: { diff: TVersionDiff; comparedWith: number | null }) {
  if (!diff.changes.length && !diff.policy)
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
        No changes{comparedWith ? ` against version ${comparedWith}` : ""}.
      </p>
    );

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Against {comparedWith ? `version ${comparedWith}` : "an empty price list"}: {diff.counts.added} added,{" "}
        {diff.counts.changed} changed, {diff.counts.removed} removed.
      </p>
      {diff.policy && (
        <Card className="p-4 text-sm">
          <p className="font-semibold">Stacking policy changed</p>
          <p className="text-slate-600 line-through">{describePolicy(diff.policy.before).slice(2, 5).join(" ")}</p>
          <p className="text-slate-900">{describePolicy(diff.policy.after).slice(2, 5).join(" ")}</p>
        </Card>
      )}
      <Card className="px-4">
        <ul className="divide-y divide-slate-100">
          {diff.changes.map((change) => (
            <ChangeRow key={`${change.type}-${change.id}`} change={change} />
          ))}
        </ul>
      </Card>
    </div>
  );
}
