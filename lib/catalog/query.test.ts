import { describe, expect, it } from "vitest";
import { ZCatalogQuery } from "@/lib/catalog/query";

describe("ZCatalogQuery", () => {
  it("parses a normal query", () => {
    expect(ZCatalogQuery.parse({ q: " table ", category: "tables", page: "2" })).toEqual({
      q: "table",
      category: "tables",
      page: 2,
    });
  });

  it("falls back to defaults for hostile or broken values instead of failing the page", () => {
    expect(ZCatalogQuery.parse({ category: "../../etc", page: "-4", q: "x".repeat(500) })).toEqual({
      q: undefined,
      category: undefined,
      page: 1,
    });
    expect(ZCatalogQuery.parse({ page: ["1", "2"] })).toEqual({ page: 1 });
  });
});
