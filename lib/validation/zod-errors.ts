import type { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";

/** Field path → messages, the shape forms render next to each input. */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  const fieldErrors: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }

  return fieldErrors;
}
