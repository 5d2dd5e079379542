import type { TOptionFact } from "@/lib/pricing/catalog";

export type TCatalogCategory = { id: string; name: string; handle: string };

/** A Medusa product collection (merchandising: "Made to order", "Workspace essentials"). */
export type TCatalogCollection = { id: string; title: string; handle: string };

export type TCatalogProduct = {
  id: string;
  handle: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  thumbnail: string | null;
  isConfigurable: boolean;
  categories: TCatalogCategory[];
  /** `weightKg`: Odoo's weight of the variant (through the catalogue import); null when it has none. */
  variants: { id: string; title: string; sku: string | null; weightKg: number | null }[];
  /** Options declared in the Medusa product's metadata (used for pricing until a configurator model is published). */
  metadataOptions: TOptionFact[];
};

export type TCatalogPage = { products: TCatalogProduct[]; total: number; page: number; pageCount: number };
