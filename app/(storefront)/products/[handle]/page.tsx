import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductImage } from "@/components/storefront/product-image";
import { Badge } from "@/components/ui/badge";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/server/auth/session";
import { getProductOrThrow } from "@/server/catalog/get-product-or-throw";

export default async function ProductPage({ params }: { params: Promise<{ handle: string }> }) {
  await requirePageUser("storefront.browse");
  const { handle } = await params;
  const product = await getProductOrThrow(handle).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <article className="space-y-6">
      <Link href="/catalog" className="text-sm font-medium text-brand-600 hover:underline">
        ← Catalogue
      </Link>
      <div className="grid gap-10 lg:grid-cols-2">
        <ProductImage product={product} className="aspect-square rounded-2xl border border-slate-200" />
        <div className="space-y-5">
          <div className="flex flex-wrap items-center gap-2">
            {product.categories.map((category) => <Badge key={category.id}>{category.name}</Badge>)}
            {product.isConfigurable && <Badge tone="brand">Configurable</Badge>}
          </div>
          <h1 className="text-3xl font-semibold tracking-tight">{product.title}</h1>
          {product.subtitle && <p className="text-lg text-slate-600">{product.subtitle}</p>}
          {product.description && <p className="leading-relaxed text-slate-700">{product.description}</p>}
          <section className="space-y-2">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{product.isConfigurable ? "Base models" : "Article"}</h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {product.variants.map((variant) => (
                <li key={variant.id} className="flex items-center justify-between px-4 py-3 text-sm">
                  <span className="font-medium text-slate-800">{variant.title}</span>
                  <span className="font-mono text-xs text-slate-500">{variant.sku}</span>
                </li>
              ))}
            </ul>
          </section>
          {product.isConfigurable && (
            <p className="rounded-lg bg-brand-50 p-4 text-sm text-brand-900">
              This product is made to order. Its configurator and your organisation&apos;s price are shown here once the
              configuration model is published in the back office.
            </p>
          )}
        </div>
      </div>
    </article>
  );
}
