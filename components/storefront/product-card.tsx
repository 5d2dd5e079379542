import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { ProductImage } from "@/components/storefront/product-image";
import { formatMoney } from "@/lib/pricing/units";
import type { TCardPrice } from "@/server/storefront/price-product-cards";

const CARD_PRICE_LABEL = {
  single: "Your price",
  from: "Your price from",
  default_configuration: "Default configuration",
} as const;

/** A product in the catalogue grid, with the buyer's organisation price when there is one. */
export function ProductCard({ product, price }: { product: TCatalogProduct; price?: TCardPrice }) {
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
        {price && (
          <p className="mt-auto flex items-baseline justify-between gap-2 pt-2" data-testid="card-price">
            <span className="text-xs text-slate-500">{CARD_PRICE_LABEL[price.basis]}</span>
            <span className="font-semibold tabular-nums text-slate-900">
              {formatMoney(price.unitPriceMinor, price.currency)}
            </span>
          </p>
        )}
      </div>
    </Link>
  );
}
