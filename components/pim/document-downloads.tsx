import type { TPimDocument } from "@/lib/pim/types";

const kind = (mime: string) => (mime === "application/pdf" ? "PDF" : (mime.split("/")[1]?.toUpperCase() ?? "File"));

export function DocumentDownloads({ documents }: { documents: TPimDocument[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="documents">
      {documents.map((document) => (
        <li key={document.url} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
          <a href={document.url} download={document.name} className="font-medium text-brand-600 hover:underline">
            {document.name}
          </a>
          <span className="shrink-0 text-slate-500">
            {kind(document.mime)}, {document.sizeKb} KB
          </span>
        </li>
      ))}
    </ul>
  );
}
