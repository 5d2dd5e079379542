import { describe, expect, it } from "vitest";
import { toProductContent, ZStrapiProductContent } from "@/server/pim/strapi-schemas";

const entry = (overrides: Record<string, unknown> = {}) =>
  ZStrapiProductContent.parse({
    documentId: "doc1",
    sku: "ACC-ARM-DUAL",
    locale: "de",
    title: "Doppel-Monitorarm",
    updatedAt: "2026-12-03T10:00:00.000Z",
    description: [],
    specifications: [
      { label: "VESA", value: "100 × 100", unit: "mm" },
      { label: "Farbe", value: "Schwarz", unit: " " },
    ],
    images: [
      {
        url: "/uploads/front.jpg",
        name: "front.jpg",
        mime: "image/jpeg",
        size: 14.6,
        alternativeText: "Front",
        width: 1200,
        height: 900,
        formats: {
          large: { url: "/uploads/large_front.jpg", width: 1000 },
          thumbnail: { url: "/uploads/thumbnail_front.jpg", width: 208 },
          small: { url: "https://cdn.example/small_front.jpg", width: 500 },
        },
      },
    ],
    documents: [{ url: "/uploads/sheet.pdf", name: "sheet.pdf", mime: "application/pdf", size: 0.4 }],
    ...overrides,
  });

describe("toProductContent", () => {
  it("makes media URLs absolute (CDN ones kept), sorts image formats narrowest first, tidies units", () => {
    const content = toProductContent(entry(), "http://localhost:1337");

    expect(content.images[0]).toEqual({
      url: "http://localhost:1337/uploads/front.jpg",
      alt: "Front",
      width: 1200,
      height: 900,
      sources: [
        { url: "http://localhost:1337/uploads/thumbnail_front.jpg", width: 208 },
        { url: "https://cdn.example/small_front.jpg", width: 500 },
        { url: "http://localhost:1337/uploads/large_front.jpg", width: 1000 },
        { url: "http://localhost:1337/uploads/front.jpg", width: 1200 },
      ],
    });
    expect(content.documents).toEqual([
      { url: "http://localhost:1337/uploads/sheet.pdf", name: "sheet.pdf", mime: "application/pdf", sizeKb: 1 },
    ]);
    expect(content.specifications).toEqual([
      { label: "VESA", value: "100 × 100", unit: "mm" },
      { label: "Farbe", value: "Schwarz", unit: null },
    ]);
  });

  it("keeps the blocks it knows, drops others, and neutralises links that are not http(s)", () => {
    const description = [
      { type: "heading", level: 3, children: [{ type: "text", text: "Montage" }] },
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Siehe ", bold: true },
          { type: "link", url: "javascript:alert(1)", children: [{ type: "text", text: "hier" }] },
          { type: "link", url: "https://example.com/a", children: [{ type: "text", text: "dort" }] },
        ],
      },
      { type: "image", image: { url: "/x.png" } },
      {
        type: "list",
        format: "ordered",
        children: [{ type: "list-item", children: [{ type: "text", text: "eins" }] }],
      },
    ];
    const content = toProductContent(entry({ description }), "http://localhost:1337");

    expect(content.description.map((block) => block.type)).toEqual(["heading", "paragraph", "list"]);
    expect(content.description[1]).toMatchObject({
      children: [
        { type: "text", text: "Siehe ", bold: true },
        { type: "link", url: "#" },
        { type: "link", url: "https://example.com/a" },
      ],
    });
    expect(content.description[2]).toEqual({
      type: "list",
      format: "ordered",
      items: [[{ type: "text", text: "eins" }]],
    });
  });
});
