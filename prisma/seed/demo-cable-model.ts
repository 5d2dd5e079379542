import { ZModelDefinition } from "../../lib/configurator/model";

/** The demo's custom cable assembly. */
export const DEMO_CABLE_MODEL = ZModelDefinition.parse({
  options: [
    {
      code: "cable",
      label: "Cable",
      kind: "enum",
      default: "cat6a",
      values: [
        { code: "cat6a", label: "Cat6a copper", sku: "CBL-ASSY-CAT6A" },
        { code: "om4", label: "OM4 fibre", sku: "CBL-ASSY-OM4" },
      ],
    },
    { code: "length_m", label: "Length", kind: "number", min: 1, max: 100, step: 1, unit: "m", default: 2 },
    {
      code: "jacket",
      label: "Jacket",
      kind: "enum",
      default: "pvc",
      values: [
        { code: "pvc", label: "PVC" },
        { code: "lszh", label: "Low-smoke zero-halogen" },
      ],
    },
    { code: "test_report", label: "Printed test report", kind: "boolean", default: false },
  ],
  constraints: [
    {
      id: "copper-length",
      type: "limit",
      if: [{ option: "cable", op: "is", value: "cat6a" }],
      option: "length_m",
      max: 90,
      reason: "Copper Cat6a links are limited to 90 m.",
    },
    {
      id: "fibre-report",
      type: "requires",
      if: [{ option: "cable", op: "is", value: "om4" }],
      then: { option: "test_report", op: "is", value: true },
      reason: "Fibre assemblies always ship with a test report.",
    },
  ],
});
