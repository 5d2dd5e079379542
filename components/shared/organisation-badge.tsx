export function OrganisationBadge({ name, className = "" }: { name: string | null; className?: string }) {
  if (!name) return null;

  return (
    <span
      className={`rounded-md bg-slate-100 px-2.5 py-1 text-sm font-medium text-slate-700 ${className}`}
      data-testid="organisation-name"
    >
      {name}
    </span>
  );
}
