import "server-only";
import { parseEnv, type TEnv } from "@/lib/env-schema";

let cached: TEnv | undefined;

/** The validated environment. The first call (at start) throws naming every bad variable. */
export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);

  return cached;
}
