import { ContentLanguageSwitch } from "@/components/pim/content-language-switch";
import { DocumentDownloads } from "@/components/pim/document-downloads";
import { SpecificationTable } from "@/components/pim/specification-table";
import type { TContentLocale, TProductContent } from "@/lib/pim/types";

/** Specifications and documents from the PIM, under the product; says when the buyer's language has none. */
export function ProductRichContent({ content, locale }: { content: TProductContent; locale: TContentLocale }) {
  if (content.specifications.length === 0 && content.documents.length === 0) return null;

  return (
    <section className="grid gap-8 lg:grid-cols-[minmax(0,6fr)_minmax(0,5fr)]" lang={content.locale}>
      {content.specifications.length > 0 && (
        <div className="space-y-3">
          <div className="flex items-center justify-between gap-4">
            <h2 className="text-lg font-semibold">{locale === "de" ? "Technische Daten" : "Specifications"}</h2>
            <ContentLanguageSwitch current={locale} />
          </div>
          {content.locale !== locale && (
            <p className="text-sm text-slate-500">
              This product&apos;s content is not yet translated; shown in English.
            </p>
          )}
          <SpecificationTable rows={content.specifications} />
        </div>
      )}
      {content.documents.length > 0 && (
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">{locale === "de" ? "Dokumente" : "Documents"}</h2>
          <DocumentDownloads documents={content.documents} />
        </div>
      )}
    </section>
  );
}
