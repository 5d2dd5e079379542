import "server-only";
import type { TPimImage } from "@/lib/pim/types";
import { getProductContent } from "@/server/pim/get-product-content";

// Catalogue cards are about 300 px wide: the smallest of Strapi's formats that stays sharp at 2x.
const CARD_WIDTH = 500;

const cardSource = (image: TPimImage) =>
  image.sources.find((source) => source.width >= CARD_WIDTH)?.url ?? image.sources.at(-1)?.url ?? image.url;

/**
 * The PIM's main picture for each product that has one, by handle, through the same cache as the
 * product page. Never throws: products without content (or with Strapi down) are simply absent.
 */
export async function findProductThumbnails(
  products: readonly { handle: string; variants: readonly { sku: string | null }[] }[],
  locale: string,
): Promise<Map<string, string>> {
  const found = await Promise.all(
    products.map(async (product) => {
      const skus = product.variants.flatMap((variant) => (variant.sku ? [variant.sku] : []));
      const image = (await getProductContent({ skus, locale }))?.images[0];

      return image ? ([product.handle, cardSource(image)] as const) : null;
    }),
  );

  return new Map(found.filter((entry) => entry !== null));
}
