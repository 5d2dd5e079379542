import { CatalogFilters } from "@/components/storefront/catalog-filters";
import { Pagination } from "@/components/shared/pagination";
import { ProductCard } from "@/components/storefront/product-card";
import { ZCatalogQuery } from "@/lib/catalog/query";
import { organisationIdOf, requirePageUser } from "@/server/auth/session";
import { findCategories, findCollections, findProducts } from "@/server/catalog/find-products";
import { findProductThumbnails } from "@/server/pim/find-product-thumbnails";
import { getContentLocale } from "@/server/pim/get-content-locale";
import { priceProductCards } from "@/server/storefront/price-product-cards";

export const metadata = { title: "Catalogue" };

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("storefront.browse");
  const query = ZCatalogQuery.parse(await searchParams);
  const [categories, collections, page] = await Promise.all([findCategories(), findCollections(), findProducts(query)]);
  const filters = { q: query.q, category: query.category, collection: query.collection };
  const [prices, thumbnails] = await Promise.all([
    priceProductCards(
      organisationIdOf(user),
      page.products.map((product) => product.handle),
    ),
    // The PIM's main picture on each card (initials when there is none, or no PIM).
    getContentLocale().then((locale) => findProductThumbnails(page.products, locale)),
  ]);

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Catalogue</h1>
        <p className="text-slate-600">
          {page.total} product{page.total === 1 ? "" : "s"}
          {query.q ? ` matching “${query.q}”` : ""}
        </p>
      </div>
      <CatalogFilters categories={categories} collections={collections} filters={filters} />
      {page.products.length ? (
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {page.products.map((product) => (
            <ProductCard
              key={product.id}
              product={{ ...product, thumbnail: thumbnails.get(product.handle) ?? product.thumbnail }}
              price={prices.get(product.handle)}
            />
          ))}
        </div>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          No products match. Try another search, category or collection.
        </p>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} params={filters} />
    </div>
  );
}
