import { ZModelDefinition } from "../../lib/configurator/model";

/** The demo's made-to-measure table (also the fixture of the solver's tests). */
export const DEMO_TABLE_MODEL = ZModelDefinition.parse({
  options: [
    {
      code: "top",
      label: "Top",
      kind: "enum",
      default: "oak",
      values: [
        { code: "oak", label: "Oak", sku: "TBL-ATELIER-OAK" },
        { code: "walnut", label: "Walnut", sku: "TBL-ATELIER-WALNUT" },
        { code: "glass", label: "Tempered glass", sku: "TBL-ATELIER-GLASS" },
      ],
    },
    { code: "width_mm", label: "Width", kind: "number", min: 600, max: 2400, step: 10, unit: "mm", default: 1600 },
    { code: "depth_mm", label: "Depth", kind: "number", min: 600, max: 1200, step: 10, unit: "mm", default: 800 },
    {
      code: "legs",
      label: "Legs",
      kind: "enum",
      default: "steel",
      values: [
        { code: "steel", label: "Powder-coated steel" },
        { code: "oak", label: "Solid oak" },
      ],
    },
    { code: "cable_port", label: "Cable port", kind: "boolean", default: false },
  ],
  constraints: [
    {
      id: "glass-width",
      type: "limit",
      if: [{ option: "top", op: "is", value: "glass" }],
      option: "width_mm",
      max: 1800,
      reason: "Glass tops are made up to 1800 mm wide.",
    },
    {
      id: "glass-port",
      type: "excludes",
      if: [{ option: "top", op: "is", value: "glass" }],
      then: { option: "cable_port", op: "is", value: true },
      reason: "A glass top cannot have a cable port.",
    },
    {
      id: "wide-steel",
      type: "requires",
      if: [{ option: "width_mm", op: "gt", value: 2000 }],
      then: { option: "legs", op: "is", value: "steel" },
      reason: "Tables wider than 2000 mm need steel legs.",
    },
    {
      id: "deep-narrow",
      type: "forbid",
      when: [
        { option: "depth_mm", op: "gte", value: 1100 },
        { option: "width_mm", op: "lt", value: 1000 },
      ],
      reason: "A table 1100 mm deep or more must be at least 1000 mm wide.",
    },
  ],
});
