"use client";

import type { CSSProperties } from "react";
import { Toaster as SonnerToaster } from "sonner";

export { toast } from "sonner";

// Sonner's rich-colour text is a shade too light on its own backgrounds for WCAG AA (4.3:1 for
// success, 4.4:1 for errors); these darker shades of the same hues reach 5.2 and 5.3.
const CONTRAST = { "--success-text": "hsl(140, 100%, 24%)", "--error-text": "hsl(360, 100%, 40%)" } as CSSProperties;

export function Toaster() {
  return <SonnerToaster position="top-right" richColors closeButton style={CONTRAST} />;
}
