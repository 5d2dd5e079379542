import "server-only";
import { z } from "zod";
import type {
  TPimBlock,
  TPimDocument,
  TPimImage,
  TPimInline,
  TPimSpecificationRow,
  TPimText,
  TProductContent,
} from "@/lib/pim/types";

// Strapi 5's REST shapes for what Tradepost reads (flat entries: no `attributes` wrapper).

const ZFormat = z.object({ url: z.string().min(1), width: z.number().int().positive() });
const ZStrapiMedia = z.object({
  url: z.string().min(1),
  name: z.string(),
  mime: z.string(),
  /** Kilobytes, as Strapi reports it. */
  size: z.number().nonnegative(),
  alternativeText: z.string().nullish(),
  width: z.number().int().nullish(),
  height: z.number().int().nullish(),
  formats: z.record(z.string(), ZFormat.nullish()).nullish(),
});

export const ZStrapiProductContent = z.object({
  documentId: z.string().min(1),
  sku: z.string().min(1),
  locale: z.string().min(2),
  title: z.string(),
  // Checked node by node when mapped: an unknown block type is left out, not a failure of the page.
  description: z.array(z.unknown()).nullish(),
  specifications: z.array(z.object({ label: z.string(), value: z.string(), unit: z.string().nullish() })).nullish(),
  images: z.array(ZStrapiMedia).nullish(),
  documents: z.array(ZStrapiMedia).nullish(),
  updatedAt: z.string(),
});
export type TStrapiProductContent = z.infer<typeof ZStrapiProductContent>;

export const ZStrapiList = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

const ZText = z.object({
  type: z.literal("text"),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
const ZLink = z.object({ type: z.literal("link"), url: z.string(), children: z.array(ZText) });
const ZInline = z.union([ZText, ZLink]);
const ZListItem = z.object({ type: z.literal("list-item"), children: z.array(ZInline) });
const ZBlock = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), children: z.array(ZInline) }),
  z.object({ type: z.literal("quote"), children: z.array(ZInline) }),
  z.object({ type: z.literal("heading"), level: z.number().int().min(1).max(6), children: z.array(ZInline) }),
  z.object({ type: z.literal("list"), format: z.enum(["ordered", "unordered"]), children: z.array(ZListItem) }),
]);

// Only http(s) and relative links reach the page (no javascript: URLs from an editor's paste).
const safeUrl = (url: string) => (/^(https?:\/\/|\/)/i.test(url) ? url : "#");
const inline = (node: z.infer<typeof ZInline>): TPimInline =>
  node.type === "link" ? { type: "link", url: safeUrl(node.url), children: node.children as TPimText[] } : node;

function toBlocks(nodes: unknown[]): TPimBlock[] {
  return nodes.flatMap((node): TPimBlock[] => {
    const parsed = ZBlock.safeParse(node);
    if (!parsed.success) return [];
    const block = parsed.data;
    switch (block.type) {
      case "list":
        return [{ type: "list", format: block.format, items: block.children.map((item) => item.children.map(inline)) }];
      case "heading":
        return [{ type: "heading", level: block.level as 1 | 2 | 3 | 4 | 5 | 6, children: block.children.map(inline) }];
      default:
        return [{ type: block.type, children: block.children.map(inline) }];
    }
  });
}

/** Media URLs from the local upload provider are relative to Strapi; others (a CDN) are absolute. */
const absolute = (url: string, publicUrl: string) => (/^https?:\/\//i.test(url) ? url : `${publicUrl}${url}`);

function toImage(media: z.infer<typeof ZStrapiMedia>, publicUrl: string): TPimImage {
  const formats = Object.values(media.formats ?? {}).flatMap((format) => (format ? [format] : []));
  const sources = [...formats, ...(media.width ? [{ url: media.url, width: media.width }] : [])]
    .map((format) => ({ url: absolute(format.url, publicUrl), width: format.width }))
    .sort((a, b) => a.width - b.width);

  return {
    url: absolute(media.url, publicUrl),
    alt: media.alternativeText ?? "",
    width: media.width ?? null,
    height: media.height ?? null,
    sources,
  };
}

const toDocument = (media: z.infer<typeof ZStrapiMedia>, publicUrl: string): TPimDocument => ({
  url: absolute(media.url, publicUrl),
  name: media.name,
  mime: media.mime,
  sizeKb: Math.max(1, Math.round(media.size)),
});

export function toProductContent(entry: TStrapiProductContent, publicUrl: string): TProductContent {
  const specifications: TPimSpecificationRow[] = (entry.specifications ?? []).map((row) => ({
    label: row.label,
    value: row.value,
    unit: row.unit?.trim() ? row.unit : null,
  }));

  return {
    sku: entry.sku,
    documentId: entry.documentId,
    locale: entry.locale,
    title: entry.title,
    description: toBlocks(entry.description ?? []),
    specifications,
    images: (entry.images ?? []).filter((media) => media.mime.startsWith("image/")).map((m) => toImage(m, publicUrl)),
    documents: (entry.documents ?? []).map((media) => toDocument(media, publicUrl)),
    updatedAt: entry.updatedAt,
  };
}
