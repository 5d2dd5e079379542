/** Shown while the catalogue page loads from Medusa (navigation between filters and pages). */
export default function CatalogLoading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading the catalogue">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="overflow-hidden rounded-xl border border-slate-200 bg-white">
            <div className="aspect-[4/3] animate-pulse bg-slate-100" />
            <div className="space-y-2 p-4">
              <div className="h-3 w-24 animate-pulse rounded bg-slate-200" />
              <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
