import Link from "next/link";

export function Pagination({
  page,
  pageCount,
  params,
}: {
  page: number;
  pageCount: number;
  params: Record<string, string | undefined>;
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(
      Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    query.set("page", String(target));

    return `?${query}`;
  };
  const linkClass =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";

  return (
    <nav className="flex items-center justify-center gap-3" aria-label="Pages">
      {page > 1 && (
        <Link href={href(page - 1)} className={linkClass}>
          Previous
        </Link>
      )}
      <span className="text-sm text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} className={linkClass}>
          Next
        </Link>
      )}
    </nav>
  );
}
