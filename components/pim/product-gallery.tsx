"use client";

import { useState } from "react";
import type { TPimImage } from "@/lib/pim/types";
import { cn } from "@/lib/cn";

const srcSet = (image: TPimImage) => image.sources.map((source) => `${source.url} ${source.width}w`).join(", ");

/** The product's pictures from the PIM: one large (responsive formats), the others as thumbnails to switch to. */
export function ProductGallery({ images, title }: { images: TPimImage[]; title: string }) {
  const [selected, setSelected] = useState(0);
  const main = images[selected] ?? images[0];
  if (!main) return null;

  return (
    <figure className="space-y-3" data-testid="product-gallery">
      {/* eslint-disable-next-line @next/next/no-img-element -- Strapi already made the responsive formats */}
      <img
        src={main.url}
        srcSet={srcSet(main)}
        sizes="(min-width: 1024px) 45vw, 100vw"
        alt={main.alt || title}
        width={main.width ?? undefined}
        height={main.height ?? undefined}
        className="aspect-4/3 w-full rounded-2xl border border-slate-200 bg-white object-cover"
      />
      {images.length > 1 && (
        <ul className="flex gap-2" aria-label="Pictures">
          {images.map((image, index) => (
            <li key={image.url}>
              <button
                type="button"
                onClick={() => setSelected(index)}
                aria-label={`Show picture ${index + 1} of ${images.length}`}
                aria-current={index === selected}
                className={cn(
                  "overflow-hidden rounded-lg border-2",
                  index === selected ? "border-brand-600" : "border-transparent hover:border-slate-300",
                )}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail format from Strapi */}
                <img src={image.sources[0]?.url ?? image.url} alt="" className="h-16 w-20 object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
