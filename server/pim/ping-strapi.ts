import "server-only";
import { z } from "zod";
import { getFromStrapi, type TStrapiSettings } from "@/server/pim/client";

/** Reads one entry's SKU with the app's token: proves Strapi answers, the token works and the content type exists. */
export async function pingStrapi(settings: TStrapiSettings): Promise<void> {
  const query = new URLSearchParams({ "fields[0]": "sku", "pagination[pageSize]": "1" });
  await getFromStrapi(settings, "/api/product-contents", query, z.object({ data: z.array(z.unknown()) }));
}
