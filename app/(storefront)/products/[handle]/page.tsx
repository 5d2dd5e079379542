import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductGallery } from "@/components/pim/product-gallery";
import { ProductRichContent } from "@/components/pim/product-rich-content";
import { RichText } from "@/components/pim/rich-text";
import { ProductImage } from "@/components/storefront/product-image";
import { ProductPurchase } from "@/components/storefront/product-purchase";
import { StockAvailability } from "@/components/storefront/stock-availability";
import { Badge } from "@/components/ui/badge";
import { isAppError } from "@/lib/errors";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { getProductOrThrow } from "@/server/catalog/get-product-or-throw";
import { findOwnLineConfiguration } from "@/server/cart/find-own-line-configuration";
import { getPublishedModel } from "@/server/configurator/get-published-model";
import { getStockAvailability } from "@/server/erp/get-stock-availability";
import { getContentLocale } from "@/server/pim/get-content-locale";
import { getProductContent } from "@/server/pim/get-product-content";

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ handle: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("storefront.browse");
  const [{ handle }, query] = await Promise.all([params, searchParams]);
  const product = await getProductOrThrow(handle).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const skus = product.variants.flatMap((variant) => (variant.sku ? [variant.sku] : []));
  // Availability reads the ERP cache only (one grouped query), never Odoo.
  const locale = await getContentLocale();
  // Rich content from the PIM; null without one or when it is down (the page then shows Medusa's text).
  const [model, availability, content] = await Promise.all([
    getPublishedModel(product.handle),
    getStockAvailability({ skus, configurable: product.isConfigurable }),
    getProductContent({ skus, locale }),
  ]);
  const stock = Object.fromEntries(
    Object.entries(availability).map(([sku, { kind, label }]) => [sku, { kind, label }]),
  );
  const canBuy = hasPermission(user.role, "cart.manage") && (!product.isConfigurable || model !== null);
  // ?line=… changes that line of the caller's own cart (any other id is simply ignored).
  const editedLine = canBuy && typeof query.line === "string" ? await findOwnLineConfiguration(user, query.line) : null;
  const editing = editedLine?.product === product.handle ? editedLine : undefined;

  return (
    <article className="space-y-6">
      <Link href={editing ? "/cart" : "/catalog"} className="text-sm font-medium text-brand-600 hover:underline">
        {editing ? "← Back to the cart, unchanged" : "← Catalogue"}
      </Link>
      {editing && (
        <p className="rounded-lg bg-brand-50 p-3 text-sm text-brand-900" role="status">
          You are changing a line of your cart. Update it to replace the line with this configuration and quantity.
        </p>
      )}
      <div className="grid gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="space-y-5">
          {content?.images.length ? (
            <ProductGallery images={content.images} title={product.title} />
          ) : (
            <ProductImage product={product} className="aspect-square rounded-2xl border border-slate-200" />
          )}
          {content?.description.length ? (
            <RichText blocks={content.description} />
          ) : (
            product.description && <p className="leading-relaxed text-slate-700">{product.description}</p>
          )}
        </div>
        <div className="space-y-5">
          <div className="flex flex-wrap items-center gap-2">
            {product.categories.map((category) => (
              <Badge key={category.id}>{category.name}</Badge>
            ))}
            {product.isConfigurable && <Badge tone="brand">Made to order</Badge>}
          </div>
          <h1 className="text-3xl font-semibold tracking-tight">{product.title}</h1>
          {product.subtitle && <p className="text-lg text-slate-600">{product.subtitle}</p>}
          {/* A configurable product already says "Made to order"; the purchase form shows its chosen variant's. */}
          {!product.isConfigurable && !canBuy && skus[0] && <StockAvailability availability={stock[skus[0]]} />}
          {canBuy ? (
            <ProductPurchase
              handle={product.handle}
              model={model?.definition ?? null}
              variants={product.variants.flatMap((variant) =>
                variant.sku ? [{ sku: variant.sku, title: variant.title }] : [],
              )}
              organisationName={user.organisationName}
              editing={editing}
              stock={product.isConfigurable ? undefined : stock}
            />
          ) : (
            <p className="rounded-lg bg-brand-50 p-4 text-sm text-brand-900">
              This product is made to order. It can be configured and ordered once its configuration model is published.
            </p>
          )}
        </div>
      </div>
      {content && <ProductRichContent content={content} locale={locale} />}
    </article>
  );
}
