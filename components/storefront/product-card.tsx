import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { ProductImage } from "@/components/storefront/product-image";

export function ProductCard({ product }: { product: TCatalogProduct }) {
  const category = product.categories[0]?.name;

  return (
    <Link
      href={`/products/${product.handle}`}
      className="group flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs transition hover:-translate-y-0.5 hover:shadow-md"
      data-testid="product-card"
    >
      <ProductImage product={product} className="aspect-[4/3]" />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex items-center gap-2">
          {category && <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{category}</span>}
          {product.isConfigurable && <Badge tone="brand">Configurable</Badge>}
        </div>
        <h2 className="font-semibold text-slate-900 group-hover:text-brand-700">{product.title}</h2>
        {product.subtitle && <p className="text-sm text-slate-600">{product.subtitle}</p>}
      </div>
    </Link>
  );
}
