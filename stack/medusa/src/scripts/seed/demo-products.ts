// The demo catalogue. Handles and SKUs are stable: Tradepost's configurator models and
// pricing rules refer to them, and tests assert on them.

export type TDemoVariant = { title: string; sku: string; options: Record<string, string>; price: number };
/** What a buyer configures beyond the variant; Tradepost's pricing rules and configurator read it (metadata.configuration_options). */
export type TConfigurationOption =
  | {
      code: string;
      label: string;
      kind: "number";
      min: number;
      max: number;
      step: number;
      unit: string;
      default: number;
    }
  | { code: string; label: string; kind: "choice"; values: string[]; default: string }
  | { code: string; label: string; kind: "boolean"; default: boolean };
export type TDemoProduct = {
  handle: string;
  title: string;
  subtitle: string;
  description: string;
  category: string;
  /** A merchandising collection (Medusa product collection), optional. */
  collection?: string;
  configurable: boolean;
  configurationOptions: TConfigurationOption[];
  options: { title: string; values: string[] }[];
  variants: TDemoVariant[];
};

export const DEMO_CATEGORIES = [
  { handle: "tables", name: "Tables" },
  { handle: "cables", name: "Cables & connectors" },
  { handle: "accessories", name: "Workplace accessories" },
];

export const DEMO_COLLECTIONS = [
  { handle: "made-to-order", title: "Made to order" },
  { handle: "workspace-essentials", title: "Workspace essentials" },
];

export const DEMO_PRODUCTS: TDemoProduct[] = [
  {
    handle: "made-to-measure-table",
    title: "Atelier Made-to-Measure Table",
    subtitle: "Width, top and legs made to your order",
    description:
      "A meeting or desk table built to the millimetre: choose the width and depth, an oak, walnut or tempered-glass top, and steel or wooden legs. Built in our workshop and delivered assembled.",
    category: "tables",
    collection: "made-to-order",
    configurable: true,
    configurationOptions: [
      { code: "width_mm", label: "Width", kind: "number", min: 600, max: 2400, step: 10, unit: "mm", default: 1600 },
      { code: "depth_mm", label: "Depth", kind: "number", min: 600, max: 1200, step: 10, unit: "mm", default: 800 },
      { code: "legs", label: "Legs", kind: "choice", values: ["steel", "oak"], default: "steel" },
      { code: "cable_port", label: "Cable port", kind: "boolean", default: false },
    ],
    options: [{ title: "Top", values: ["Oak", "Walnut", "Glass"] }],
    variants: [
      { title: "Oak top", sku: "TBL-ATELIER-OAK", options: { Top: "Oak" }, price: 890 },
      { title: "Walnut top", sku: "TBL-ATELIER-WALNUT", options: { Top: "Walnut" }, price: 1090 },
      { title: "Glass top", sku: "TBL-ATELIER-GLASS", options: { Top: "Glass" }, price: 990 },
    ],
  },
  {
    handle: "cable-assembly",
    title: "Custom Cable Assembly",
    subtitle: "Any length, any connector pair",
    description:
      "Network and fibre cable assemblies cut to length and terminated to order. Choose the cable type, the length in metres and the connector on each end; every assembly is tested before it ships.",
    category: "cables",
    collection: "made-to-order",
    configurable: true,
    configurationOptions: [
      { code: "length_m", label: "Length", kind: "number", min: 1, max: 100, step: 1, unit: "m", default: 2 },
      { code: "jacket", label: "Jacket", kind: "choice", values: ["pvc", "lszh"], default: "pvc" },
      { code: "test_report", label: "Test report", kind: "boolean", default: false },
    ],
    options: [{ title: "Cable", values: ["Cat6a copper", "OM4 fibre"] }],
    variants: [
      { title: "Cat6a copper", sku: "CBL-ASSY-CAT6A", options: { Cable: "Cat6a copper" }, price: 14 },
      { title: "OM4 fibre", sku: "CBL-ASSY-OM4", options: { Cable: "OM4 fibre" }, price: 32 },
    ],
  },
  standard(
    "levelling-feet",
    "Levelling Feet, set of 4",
    "Adjustable M8 feet for uneven floors.",
    "accessories",
    "ACC-FEET-M8",
    24,
    "workspace-essentials",
  ),
  standard(
    "cable-tray",
    "Under-desk Cable Tray",
    "Powder-coated steel tray, 800 mm, tool-free mounting.",
    "accessories",
    "ACC-TRAY-800",
    39,
    "workspace-essentials",
  ),
  standard(
    "desk-grommet",
    "Desk Grommet 80 mm",
    "Brushed aluminium cable grommet with brush insert.",
    "accessories",
    "ACC-GROMMET-80",
    12.5,
  ),
  standard(
    "monitor-arm",
    "Dual Monitor Arm",
    "Gas-spring arm for two screens up to 9 kg each.",
    "accessories",
    "ACC-ARM-DUAL",
    149,
    "workspace-essentials",
  ),
  {
    handle: "acoustic-desk-screen",
    title: "Acoustic Desk Screen",
    subtitle: "Felt privacy screen in two widths",
    description:
      "A 12 mm recycled-felt screen that clamps to any desk edge. Absorbs speech noise in open offices; choose the width of your desk.",
    category: "accessories",
    configurable: false,
    configurationOptions: [],
    options: [{ title: "Width", values: ["1200 mm", "1600 mm"] }],
    variants: [
      { title: "1200 mm", sku: "ACC-SCREEN-1200", options: { Width: "1200 mm" }, price: 89 },
      { title: "1600 mm", sku: "ACC-SCREEN-1600", options: { Width: "1600 mm" }, price: 109 },
    ],
  },
  standard(
    "patch-cable-pack",
    "Cat6a Patch Cable Pack",
    "Ten 2 m patch cables in five colours.",
    "cables",
    "CBL-PATCH-10",
    45,
  ),
];

function standard(
  handle: string,
  title: string,
  description: string,
  category: string,
  sku: string,
  price: number,
  collection?: string,
): TDemoProduct {
  return {
    handle,
    title,
    subtitle: "",
    description,
    category,
    collection,
    configurable: false,
    configurationOptions: [],
    options: [{ title: "Pack", values: ["Standard"] }],
    variants: [{ title: "Standard", sku, options: { Pack: "Standard" }, price }],
  };
}
