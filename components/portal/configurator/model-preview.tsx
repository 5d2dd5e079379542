"use client";

import { ConfiguratorForm } from "@/components/shared/configurator-form";
import { useConfigurator } from "@/components/shared/use-configurator";
import { resolveSku, summariseConfiguration } from "@/lib/configurator/configuration";
import type { TModelDefinition } from "@/lib/configurator/model";

/** The buyer's configurator for the model being edited, live (no save needed). */
export function ModelPreview({ model, skus }: { model: TModelDefinition; skus: string[] }) {
  const configurator = useConfigurator(model);

  return (
    <div className="space-y-4">
      <ConfiguratorForm
        model={model}
        configuration={configurator.configuration}
        solution={configurator.solution}
        errors={configurator.check.ok ? {} : configurator.check.fieldErrors}
        onChange={configurator.set}
      />
      <div className="rounded-md bg-slate-50 p-3 text-xs text-slate-600">
        <p>
          <span className="font-semibold">Orders:</span>{" "}
          <span className="font-mono">{resolveSku(model, configurator.configuration, skus) ?? "no variant"}</span>
        </p>
        <p>{summariseConfiguration(model, configurator.configuration)}</p>
        <button type="button" className="mt-1 text-brand-700 hover:underline" onClick={configurator.reset}>
          Reset preview
        </button>
      </div>
    </div>
  );
}
