"use client";

import { useMemo, useState } from "react";
import { checkConfiguration, defaultModelConfiguration } from "@/lib/configurator/configuration";
import type { TModelDefinition } from "@/lib/configurator/model";
import { hasCompletion, solve } from "@/lib/configurator/solver";
import type { TConfiguration } from "@/lib/pricing/types";

/**
 * A buyer's configuration in progress. Options the buyer set are fixed; the others follow
 * the solver's witness, so choosing a value that needs another option changed (e.g. a
 * glass top on a too-wide table) adjusts the untouched option instead of refusing.
 */
export function useConfigurator(model: TModelDefinition, initial?: TConfiguration) {
  // Changing a cart line starts from its configuration (what the model still knows of it).
  const [configuration, setConfiguration] = useState<TConfiguration>(() => ({
    ...defaultModelConfiguration(model),
    ...pickKnown(model, initial),
  }));
  const [touched, setTouched] = useState<string[]>([]);
  // The buyer's choices, fixed; if the latest ones clash with the earlier ones (a number typed
  // out of range), they are left out, so only they show the problem and the rest stays usable.
  const fixed = useMemo(() => {
    let keys = touched.filter((code) => configuration[code] !== undefined);
    const pick = (list: string[]) => Object.fromEntries(list.map((code) => [code, configuration[code]!]));
    while (keys.length && !hasCompletion(model, pick(keys))) keys = keys.slice(0, -1);

    return pick(keys);
  }, [model, touched, configuration]);
  const solution = useMemo(() => solve(model, fixed, configuration), [model, fixed, configuration]);
  const check = useMemo(() => checkConfiguration(model, configuration), [model, configuration]);

  function set(code: string, value: TConfiguration[string]) {
    const nextTouched = touched.includes(code) ? touched : [...touched, code];
    const next = { ...configuration, [code]: value };
    const pinned = Object.fromEntries(nextTouched.map((key) => [key, next[key]!]));
    // Numbers being typed may be out of range for a moment: only adjust the others when valid.
    const witness = solve(model, pinned, next).witness;
    setTouched(nextTouched);
    setConfiguration(witness ?? next);
  }

  function reset() {
    setTouched([]);
    setConfiguration(defaultModelConfiguration(model));
  }

  return { configuration, solution, check, set, reset, touched };
}

function pickKnown(model: TModelDefinition, configuration: TConfiguration | undefined): TConfiguration {
  return Object.fromEntries(
    Object.entries(configuration ?? {}).filter(([code]) => model.options.some((option) => option.code === code)),
  );
}
