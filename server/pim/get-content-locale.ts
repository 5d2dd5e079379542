import "server-only";
import { cookies, headers } from "next/headers";
import { CONTENT_LOCALE_COOKIE, pickContentLocale } from "@/lib/pim/pick-content-locale";
import type { TContentLocale } from "@/lib/pim/types";

/** The language this request's buyer reads product content in (their switch, else the browser's, else English). */
export async function getContentLocale(): Promise<TContentLocale> {
  const [jar, list] = await Promise.all([cookies(), headers()]);

  return pickContentLocale({
    chosen: jar.get(CONTENT_LOCALE_COOKIE)?.value,
    acceptLanguage: list.get("accept-language"),
  });
}
