import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from "./demo-products"

/** Creates the demo categories and products that do not exist yet (matched by handle). */
export async function ensureCatalog(container: MedusaContainer, ids: { salesChannelId: string; shippingProfileId: string }): Promise<number> {
  const products = container.resolve(Modules.PRODUCT)
  const categoryIds = await ensureCategories(container)
  const existing = await products.listProducts({ handle: DEMO_PRODUCTS.map((product) => product.handle) }, { select: ["handle"] })
  const missing = DEMO_PRODUCTS.filter((product) => !existing.some((found) => found.handle === product.handle))
  if (!missing.length) return 0

  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((product) => ({
        title: product.title,
        subtitle: product.subtitle || undefined,
        handle: product.handle,
        description: product.description,
        status: ProductStatus.PUBLISHED,
        category_ids: [categoryIds[product.category]!],
        shipping_profile_id: ids.shippingProfileId,
        metadata: { configurable: product.configurable },
        options: product.options,
        variants: product.variants.map((variant) => ({
          title: variant.title,
          sku: variant.sku,
          options: variant.options,
          // Stock is Odoo's; Tradepost checks its cache of Odoo stock, not Medusa inventory.
          manage_inventory: false,
          prices: [{ currency_code: "eur", amount: variant.price }],
        })),
        sales_channels: [{ id: ids.salesChannelId }],
      })),
    },
  })

  return missing.length
}

async function ensureCategories(container: MedusaContainer): Promise<Record<string, string>> {
  const products = container.resolve(Modules.PRODUCT)
  const handles = DEMO_CATEGORIES.map((category) => category.handle)
  const existing = await products.listProductCategories({ handle: handles })
  const missing = DEMO_CATEGORIES.filter((category) => !existing.some((found) => found.handle === category.handle))
  if (missing.length) {
    await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missing.map((category) => ({ name: category.name, handle: category.handle, is_active: true })) },
    })
  }
  const all = await products.listProductCategories({ handle: handles })

  return Object.fromEntries(all.map((category) => [category.handle, category.id]))
}
