"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ConstraintEditor, constraintOfType } from "@/components/portal/configurator/constraint-editor";
import type { TPathErrors } from "@/components/portal/configurator/editor-fields";
import { ModelPreview } from "@/components/portal/configurator/model-preview";
import { OptionEditor, optionOfKind } from "@/components/portal/configurator/option-editor";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { checkModel } from "@/lib/configurator/check-model";
import { ZModelDefinition, type TModelDefinition } from "@/lib/configurator/model";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import {
  discardModelDraftAction,
  publishModelVersionAction,
  saveModelDraftAction,
} from "@/server/actions/configurator";

type TProps = { versionId: string; revision: number; initial: TModelDefinition; editable: boolean; skus: string[] };

/** Options, constraints, their checks and the buyer's preview, all updating as you type. */
export function ModelEditor({ versionId, revision: savedRevision, initial, editable, skus }: TProps) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [draft, setDraft] = useState<TModelDefinition>(initial);
  const [revision, setRevision] = useState(savedRevision);
  const [serverErrors, setServerErrors] = useState<TPathErrors>({});
  const parsed = useMemo(() => ZModelDefinition.safeParse(draft), [draft]);
  const errors: TPathErrors = { ...(parsed.success ? {} : toFieldErrors(parsed.error)), ...serverErrors };
  const findings = useMemo(() => (parsed.success ? checkModel(parsed.data, skus) : []), [parsed, skus]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial) || revision !== savedRevision;
  const change = (next: TModelDefinition) => (setDraft(next), setServerErrors({}));

  function save(then?: () => void) {
    run(() => saveModelDraftAction({ versionId, revision, definition: draft }), {
      success: then ? undefined : "Draft saved.",
      onSuccess: (data) => (setRevision(data.revision), then?.()),
      onFailure: (result) => (result.fieldErrors ? setServerErrors(result.fieldErrors) : toast.error(result.message)),
    });
  }
  const publish = () =>
    run(() => publishModelVersionAction({ versionId }), {
      success: "Published: buyers configure with this version now.",
      onSuccess: () => router.refresh(),
    });

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="space-y-6">
        <section className="space-y-3" aria-label="Options">
          <h2 className="font-semibold">Options</h2>
          <fieldset disabled={!editable} className="space-y-3">
            {draft.options.map((option, index) => (
              <OptionEditor
                key={index}
                option={option}
                index={index}
                errors={errors}
                skus={skus}
                onChange={(next) =>
                  change({ ...draft, options: draft.options.map((item, at) => (at === index ? next : item)) })
                }
                onRemove={() => change({ ...draft, options: draft.options.filter((_, at) => at !== index) })}
                onMove={(delta) => {
                  const options = [...draft.options];
                  const target = index + delta;
                  if (target < 0 || target >= options.length) return;
                  [options[index], options[target]] = [options[target]!, options[index]!];
                  change({ ...draft, options });
                }}
              />
            ))}
            {editable && (
              <Button
                variant="secondary"
                onClick={() =>
                  change({
                    ...draft,
                    options: [
                      ...draft.options,
                      optionOfKind(
                        { code: `option_${draft.options.length + 1}`, label: `Option ${draft.options.length + 1}` },
                        "enum",
                      ),
                    ],
                  })
                }
              >
                Add option
              </Button>
            )}
          </fieldset>
        </section>
        <section className="space-y-3" aria-label="Constraints">
          <h2 className="font-semibold">Constraints</h2>
          <fieldset disabled={!editable} className="space-y-3">
            {draft.constraints.length === 0 && (
              <p className="text-sm text-slate-600">No constraints: every combination of values is allowed.</p>
            )}
            {draft.constraints.map((constraint, index) => (
              <ConstraintEditor
                key={index}
                constraint={constraint}
                index={index}
                options={draft.options}
                errors={errors}
                onChange={(next) =>
                  change({ ...draft, constraints: draft.constraints.map((item, at) => (at === index ? next : item)) })
                }
                onRemove={() => change({ ...draft, constraints: draft.constraints.filter((_, at) => at !== index) })}
              />
            ))}
            {editable && draft.options.length > 0 && (
              <Button
                variant="secondary"
                onClick={() =>
                  change({
                    ...draft,
                    constraints: [
                      ...draft.constraints,
                      constraintOfType({ id: `c${draft.constraints.length + 1}`, reason: "" }, "forbid", draft.options),
                    ],
                  })
                }
              >
                Add constraint
              </Button>
            )}
          </fieldset>
        </section>
      </div>
      <aside className="space-y-4 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
        {editable && (
          <Card className="flex flex-wrap items-center gap-2 p-4">
            <Button
              variant="secondary"
              onClick={() => save()}
              disabled={!dirty || !parsed.success}
              isLoading={isPending}
            >
              Save draft
            </Button>
            <Button
              onClick={() => (dirty ? save(publish) : publish())}
              disabled={!parsed.success || findings.some((finding) => finding.severity === "error")}
              isLoading={isPending}
            >
              Publish
            </Button>
            <Button
              variant="ghost"
              onClick={() =>
                run(() => discardModelDraftAction({ versionId }), {
                  success: "Draft discarded.",
                  onSuccess: () => router.push("/portal/configurator"),
                })
              }
            >
              Discard
            </Button>
            <p className="w-full text-xs text-slate-500">{dirty ? "Unsaved changes." : "All changes saved."}</p>
          </Card>
        )}
        <Card className="space-y-2 p-4" aria-label="Checks">
          <h2 className="font-semibold">Checks</h2>
          {!parsed.success && (
            <p className="text-sm text-red-700" data-testid="model-error">
              {parsed.error.issues.length} field{parsed.error.issues.length === 1 ? "" : "s"} to correct (highlighted).
            </p>
          )}
          {parsed.success && findings.length === 0 && (
            <p className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
              Every value can be chosen and the defaults are valid.
            </p>
          )}
          <ul className="space-y-1.5 text-sm">
            {findings.map((finding, index) => (
              <li
                key={index}
                data-testid="model-finding"
                className={finding.severity === "error" ? "text-red-700" : "text-amber-800"}
              >
                {finding.severity === "error" ? "Error: " : "Warning: "}
                {finding.message}
              </li>
            ))}
          </ul>
        </Card>
        <Card className="space-y-3 p-4" aria-label="Preview">
          <h2 className="font-semibold">Buyer preview</h2>
          {parsed.success && !findings.some((finding) => finding.code === "CONTRADICTORY") ? (
            <ModelPreview key={JSON.stringify(parsed.data)} model={parsed.data} skus={skus} />
          ) : (
            <p className="text-sm text-slate-600">The preview appears when the model is complete and consistent.</p>
          )}
        </Card>
      </aside>
    </div>
  );
}
