// Rich product content from the PIM, as Tradepost uses it (server/pim maps Strapi's shapes to these).

export const CONTENT_LOCALES = ["en", "de"] as const;
export type TContentLocale = (typeof CONTENT_LOCALES)[number];
export const DEFAULT_CONTENT_LOCALE: TContentLocale = "en";

export type TPimText = {
  type: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};
export type TPimInline = TPimText | { type: "link"; url: string; children: TPimText[] };
export type TPimBlock =
  | { type: "paragraph"; children: TPimInline[] }
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: TPimInline[] }
  | { type: "quote"; children: TPimInline[] }
  | { type: "list"; format: "ordered" | "unordered"; items: TPimInline[][] };

export type TPimImage = {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** The responsive formats Strapi made (thumbnail, small, medium, large), narrowest first. */
  sources: { url: string; width: number }[];
};

export type TPimDocument = { url: string; name: string; mime: string; sizeKb: number };

export type TPimSpecificationRow = { label: string; value: string; unit: string | null };

export type TProductContent = {
  sku: string;
  /** Strapi's id of the entry across locales and publishes (its numeric id changes on every publish). */
  documentId: string;
  /** The locale the content is in: the one asked for, or English when that one has none. */
  locale: string;
  title: string;
  description: TPimBlock[];
  specifications: TPimSpecificationRow[];
  images: TPimImage[];
  documents: TPimDocument[];
  updatedAt: string;
};
