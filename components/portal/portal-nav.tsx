import Link from "next/link";

export type TPortalNavItem = { href: string; label: string };

export function PortalNav({ items }: { items: TPortalNavItem[] }) {
  return (
    <nav className="space-y-1" aria-label="Portal">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          className="block rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-white/10 hover:text-white"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
