import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductImage } from "@/components/storefront/product-image";
import { ProductPurchase } from "@/components/storefront/product-purchase";
import { Badge } from "@/components/ui/badge";
import { isAppError } from "@/lib/errors";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { getProductOrThrow } from "@/server/catalog/get-product-or-throw";
import { getPublishedModel } from "@/server/configurator/get-published-model";

export default async function ProductPage({ params }: { params: Promise<{ handle: string }> }) {
  const user = await requirePageUser("storefront.browse");
  const { handle } = await params;
  const product = await getProductOrThrow(handle).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const model = await getPublishedModel(product.handle);
  const canBuy = hasPermission(user.role, "cart.manage") && (!product.isConfigurable || model !== null);

  return (
    <article className="space-y-6">
      <Link href="/catalog" className="text-sm font-medium text-brand-600 hover:underline">
        ← Catalogue
      </Link>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="space-y-5">
          <ProductImage product={product} className="aspect-square rounded-2xl border border-slate-200" />
          {product.description && <p className="leading-relaxed text-slate-700">{product.description}</p>}
        </div>
        <div className="space-y-5">
          <div className="flex flex-wrap items-center gap-2">
            {product.categories.map((category) => <Badge key={category.id}>{category.name}</Badge>)}
            {product.isConfigurable && <Badge tone="brand">Made to order</Badge>}
          </div>
          <h1 className="text-3xl font-semibold tracking-tight">{product.title}</h1>
          {product.subtitle && <p className="text-lg text-slate-600">{product.subtitle}</p>}
          {canBuy ? (
            <ProductPurchase handle={product.handle} model={model?.definition ?? null} variants={product.variants.flatMap((variant) => (variant.sku ? [{ sku: variant.sku, title: variant.title }] : []))} organisationName={user.organisationName} />
          ) : (
            <p className="rounded-lg bg-brand-50 p-4 text-sm text-brand-900">This product is made to order. It can be configured and ordered once its configuration model is published.</p>
          )}
        </div>
      </div>
    </article>
  );
}
