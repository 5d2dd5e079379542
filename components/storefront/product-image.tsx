import type { TCatalogProduct } from "@/lib/catalog/types";
import { cn } from "@/lib/cn";

// Product photography comes with the PIM (a later milestone); until then a calm placeholder
// with the product's initials keeps cards recognisable.
const TINTS = [
  "from-sky-100 to-indigo-100",
  "from-amber-50 to-orange-100",
  "from-emerald-50 to-teal-100",
  "from-rose-50 to-pink-100",
  "from-violet-50 to-purple-100",
];

export function ProductImage({
  product,
  className,
}: {
  product: Pick<TCatalogProduct, "title" | "thumbnail" | "handle">;
  className?: string;
}) {
  if (product.thumbnail) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={product.thumbnail} alt="" className={cn("w-full object-cover", className)} />;
  }
  const tint = TINTS[[...product.handle].reduce((sum, char) => sum + char.charCodeAt(0), 0) % TINTS.length];
  const initials = product.title
    .split(/\s+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join("");

  return (
    <div className={cn("flex w-full items-center justify-center bg-gradient-to-br", tint, className)} aria-hidden>
      <span className="text-3xl font-semibold tracking-wider text-slate-500/70">{initials}</span>
    </div>
  );
}
