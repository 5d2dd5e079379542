"use client";

import { useRouter } from "next/navigation";
import { CONTENT_LOCALE_COOKIE } from "@/lib/pim/pick-content-locale";
import { CONTENT_LOCALES, type TContentLocale } from "@/lib/pim/types";
import { cn } from "@/lib/cn";

const NAMES: Record<TContentLocale, string> = { en: "English", de: "Deutsch" };

function rememberLocale(locale: TContentLocale): void {
  document.cookie = `${CONTENT_LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** Switches the language of product content; the choice is kept in a cookie for a year. */
export function ContentLanguageSwitch({ current }: { current: TContentLocale }) {
  const router = useRouter();
  const choose = (locale: TContentLocale) => {
    rememberLocale(locale);
    router.refresh();
  };

  return (
    <div className="flex items-center gap-1 text-xs" role="group" aria-label="Content language">
      {CONTENT_LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
          className={cn(
            "rounded-md px-2 py-1",
            locale === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
