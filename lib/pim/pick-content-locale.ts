import { CONTENT_LOCALES, DEFAULT_CONTENT_LOCALE, type TContentLocale } from "@/lib/pim/types";

const isContentLocale = (value: string): value is TContentLocale =>
  (CONTENT_LOCALES as readonly string[]).includes(value);

/**
 * The language product content is shown in: the buyer's explicit choice (the switch's cookie),
 * else the first supported language of the browser's Accept-Language, else English.
 */
export function pickContentLocale({
  chosen,
  acceptLanguage,
}: {
  chosen?: string | null;
  acceptLanguage?: string | null;
}): TContentLocale {
  if (chosen && isContentLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);

      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);

  return ranked.map((entry) => entry.language).find(isContentLocale) ?? DEFAULT_CONTENT_LOCALE;
}

/** The cookie the language switch sets. */
export const CONTENT_LOCALE_COOKIE = "tradepost-content-locale";
