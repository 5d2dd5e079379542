// Demo product content, one entry per demo product, keyed by the product's first variant SKU
// (stack/medusa/src/scripts/seed/demo-products.ts). English and German; images and a data sheet
// are generated at seed time (no downloads).

export type TSpecRow = { label: string; value: string; unit?: string };
export type TLocalised = { title: string; intro: string; bullets: string[]; specifications: TSpecRow[] };
export type TDemoContent = {
  sku: string;
  /** Two colours for the generated product pictures. */
  palette: [string, string];
  shape: "table" | "cable" | "small" | "arm" | "screen";
  en: TLocalised;
  de: TLocalised;
};

export const DEMO_CONTENT: TDemoContent[] = [
  {
    sku: "TBL-ATELIER-OAK",
    palette: ["#b07a48", "#3d3b38"],
    shape: "table",
    en: {
      title: "Atelier Made-to-Measure Table",
      intro: "A table built to the millimetre in our own workshop, delivered assembled and levelled.",
      bullets: ["Solid oak, walnut or tempered glass top", "Steel or oak legs", "Optional cable port"],
      specifications: [
        { label: "Width", value: "600–2400", unit: "mm" },
        { label: "Depth", value: "600–1200", unit: "mm" },
        { label: "Height", value: "740", unit: "mm" },
        { label: "Top thickness", value: "30", unit: "mm" },
        { label: "Load", value: "120", unit: "kg" },
      ],
    },
    de: {
      title: "Atelier Maßtisch",
      intro: "Ein Tisch, millimetergenau in unserer Werkstatt gebaut, montiert und ausgerichtet geliefert.",
      bullets: [
        "Platte aus Massiveiche, Nussbaum oder Sicherheitsglas",
        "Beine aus Stahl oder Eiche",
        "Kabeldurchlass auf Wunsch",
      ],
      specifications: [
        { label: "Breite", value: "600–2400", unit: "mm" },
        { label: "Tiefe", value: "600–1200", unit: "mm" },
        { label: "Höhe", value: "740", unit: "mm" },
        { label: "Plattenstärke", value: "30", unit: "mm" },
        { label: "Belastbarkeit", value: "120", unit: "kg" },
      ],
    },
  },
  {
    sku: "CBL-ASSY-CAT6A",
    palette: ["#2f6fb0", "#f2b134"],
    shape: "cable",
    en: {
      title: "Custom Cable Assembly",
      intro: "Copper or fibre cables assembled and tested to your length and connector pair.",
      bullets: ["Every cable tested before dispatch", "Lengths from 0.5 m to 90 m", "Labelled at both ends"],
      specifications: [
        { label: "Category", value: "Cat6a / OM4" },
        { label: "Bandwidth", value: "500", unit: "MHz" },
        { label: "Length", value: "0.5–90", unit: "m" },
        { label: "Jacket", value: "LSZH" },
      ],
    },
    de: {
      title: "Konfektioniertes Kabel",
      intro: "Kupfer- oder Glasfaserkabel, in Ihrer Länge und mit Ihren Steckern konfektioniert und geprüft.",
      bullets: ["Jedes Kabel vor dem Versand geprüft", "Längen von 0,5 m bis 90 m", "An beiden Enden beschriftet"],
      specifications: [
        { label: "Kategorie", value: "Cat6a / OM4" },
        { label: "Bandbreite", value: "500", unit: "MHz" },
        { label: "Länge", value: "0,5–90", unit: "m" },
        { label: "Mantel", value: "LSZH" },
      ],
    },
  },
  small("ACC-FEET-M8", ["#8a8f96", "#22262b"], "Levelling Feet, set of 4", "Stellfüße, 4er-Set", [
    ["Thread", "Gewinde", "M8", undefined],
    ["Adjustment", "Verstellweg", "0–25", "mm"],
    ["Load per foot", "Last je Fuß", "150", "kg"],
  ]),
  small("ACC-TRAY-800", ["#4b4f55", "#c9ccd1"], "Under-desk Cable Tray", "Kabelwanne unter dem Tisch", [
    ["Length", "Länge", "800", "mm"],
    ["Material", "Material", "Steel, powder-coated", undefined],
    ["Mounting", "Montage", "Tool-free", undefined],
  ]),
  small("ACC-GROMMET-80", ["#c0c4c8", "#5a5f66"], "Desk Grommet 80 mm", "Kabeldurchlass 80 mm", [
    ["Diameter", "Durchmesser", "80", "mm"],
    ["Material", "Material", "Brushed aluminium", undefined],
  ]),
  {
    sku: "ACC-ARM-DUAL",
    palette: ["#1f2328", "#6e7781"],
    shape: "arm",
    en: {
      title: "Dual Monitor Arm",
      intro: "A gas-spring arm that holds two screens and moves them with one hand.",
      bullets: ["VESA 75 and 100", "Clamp or grommet mount", "Cable management in the arm"],
      specifications: [
        { label: "Load per screen", value: "2–9", unit: "kg" },
        { label: "Screen size", value: "17–32", unit: "in" },
        { label: "VESA", value: "75 × 75, 100 × 100", unit: "mm" },
      ],
    },
    de: {
      title: "Doppel-Monitorarm",
      intro: "Ein Gasfederarm, der zwei Bildschirme trägt und mit einer Hand bewegt.",
      bullets: ["VESA 75 und 100", "Klemm- oder Durchlassmontage", "Kabelführung im Arm"],
      specifications: [
        { label: "Last je Bildschirm", value: "2–9", unit: "kg" },
        { label: "Bildschirmgröße", value: "17–32", unit: "Zoll" },
        { label: "VESA", value: "75 × 75, 100 × 100", unit: "mm" },
      ],
    },
  },
  {
    sku: "ACC-SCREEN-1200",
    palette: ["#5b7f6a", "#d9d4c7"],
    shape: "screen",
    en: {
      title: "Acoustic Desk Screen",
      intro: "A recycled-felt screen that clamps to any desk edge and absorbs speech noise.",
      bullets: ["12 mm recycled PET felt", "Two widths: 1200 and 1600 mm", "Clamps to desks 15–35 mm thick"],
      specifications: [
        { label: "Thickness", value: "12", unit: "mm" },
        { label: "Height", value: "450", unit: "mm" },
        { label: "Sound absorption class", value: "C" },
      ],
    },
    de: {
      title: "Akustik-Tischtrennwand",
      intro: "Eine Trennwand aus recyceltem Filz, die an jede Tischkante klemmt und Sprachschall dämpft.",
      bullets: ["12 mm Filz aus recyceltem PET", "Zwei Breiten: 1200 und 1600 mm", "Für Tischplatten 15–35 mm"],
      specifications: [
        { label: "Stärke", value: "12", unit: "mm" },
        { label: "Höhe", value: "450", unit: "mm" },
        { label: "Schallabsorberklasse", value: "C" },
      ],
    },
  },
  small("CBL-PATCH-10", ["#d94f4f", "#2f9e6b"], "Cat6a Patch Cable Pack", "Cat6a-Patchkabel-Set", [
    ["Cables", "Kabel", "10", undefined],
    ["Length", "Länge", "2", "m"],
    ["Category", "Kategorie", "Cat6a", undefined],
  ]),
];

type TSmallRow = [labelEn: string, labelDe: string, value: string, unit: string | undefined];

function small(
  sku: string,
  palette: [string, string],
  titleEn: string,
  titleDe: string,
  rows: TSmallRow[],
): TDemoContent {
  const specs = (index: 0 | 1) => rows.map((row) => ({ label: row[index], value: row[2], unit: row[3] }));

  return {
    sku,
    palette,
    shape: "small",
    en: {
      title: titleEn,
      intro: `${titleEn}: a workplace accessory from the Tradepost range, in stock for next-day dispatch.`,
      bullets: ["Fits every Tradepost desk and table", "Two-year warranty"],
      specifications: specs(0),
    },
    de: {
      title: titleDe,
      intro: `${titleDe}: ein Arbeitsplatz-Zubehör aus dem Tradepost-Sortiment, ab Lager lieferbar.`,
      bullets: ["Passt zu allen Tradepost-Tischen", "Zwei Jahre Garantie"],
      specifications: specs(1),
    },
  };
}
