import Link from "next/link";
import type { TCatalogCategory, TCatalogCollection } from "@/lib/catalog/types";
import { cn } from "@/lib/cn";

type TFilters = { q?: string; category?: string; collection?: string };

function catalogHref(filters: TFilters) {
  const params = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );

  return `/catalog${params.size ? `?${params}` : ""}`;
}

function Chip({
  label,
  href,
  isActive,
  tone,
}: {
  label: string;
  href: string;
  isActive: boolean;
  tone: "solid" | "outline";
}) {
  return (
    <Link
      href={href}
      aria-current={isActive ? "page" : undefined}
      className={cn(
        "rounded-full border px-3 py-1 text-sm font-medium",
        isActive && tone === "solid" && "border-brand-600 bg-brand-600 text-white",
        isActive && tone === "outline" && "border-brand-600 bg-brand-50 text-brand-700",
        !isActive && "border-slate-300 bg-white text-slate-700 hover:border-slate-400",
      )}
    >
      {label}
    </Link>
  );
}

/** Category chips, collection chips and the search box; each keeps the other filters (a new filter starts again at page 1). */
export function CatalogFilters({
  categories,
  collections,
  filters,
}: {
  categories: TCatalogCategory[];
  collections: TCatalogCollection[];
  filters: TFilters;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-4 md:flex-row md:items-center md:justify-between">
        <nav className="flex flex-wrap gap-2" aria-label="Categories">
          <Chip
            label="All products"
            href={catalogHref({ ...filters, category: undefined })}
            isActive={!filters.category}
            tone="solid"
          />
          {categories.map((c) => (
            <Chip
              key={c.handle}
              label={c.name}
              href={catalogHref({ ...filters, category: c.handle })}
              isActive={c.handle === filters.category}
              tone="solid"
            />
          ))}
        </nav>
        <form action="/catalog" className="flex w-full gap-2 md:w-80" role="search">
          {filters.category && <input type="hidden" name="category" value={filters.category} />}
          {filters.collection && <input type="hidden" name="collection" value={filters.collection} />}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            maxLength={100}
            placeholder="Search products"
            aria-label="Search products"
            className="h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm"
          />
          <button
            type="submit"
            className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            Search
          </button>
        </form>
      </div>
      {collections.length > 0 && (
        <nav className="flex flex-wrap items-center gap-2" aria-label="Collections">
          <span className="text-sm text-slate-500">Collections</span>
          {collections.map((c) => (
            <Chip
              key={c.handle}
              label={c.title}
              href={catalogHref({ ...filters, collection: c.handle === filters.collection ? undefined : c.handle })}
              isActive={c.handle === filters.collection}
              tone="outline"
            />
          ))}
        </nav>
      )}
    </div>
  );
}
