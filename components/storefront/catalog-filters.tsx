import Link from "next/link";
import type { TCatalogCategory } from "@/lib/catalog/types";
import { cn } from "@/lib/cn";

export function CatalogFilters({ categories, q, category }: { categories: TCatalogCategory[]; q?: string; category?: string }) {
  const chip = (label: string, handle?: string) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (handle) params.set("category", handle);
    const isActive = handle === category;

    return (
      <Link
        key={handle ?? "all"}
        href={`/catalog${params.size ? `?${params}` : ""}`}
        aria-current={isActive ? "page" : undefined}
        className={cn(
          "rounded-full border px-3 py-1 text-sm font-medium",
          isActive ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-slate-400",
        )}
      >
        {label}
      </Link>
    );
  };

  return (
    <div className="flex flex-col gap-4 md:flex-row md:items-center md:justify-between">
      <nav className="flex flex-wrap gap-2" aria-label="Categories">
        {chip("All products")}
        {categories.map((c) => chip(c.name, c.handle))}
      </nav>
      <form action="/catalog" className="flex w-full gap-2 md:w-80" role="search">
        {category && <input type="hidden" name="category" value={category} />}
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={100}
          placeholder="Search products"
          aria-label="Search products"
          className="h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm"
        />
        <button type="submit" className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          Search
        </button>
      </form>
    </div>
  );
}
