import "server-only";
import { getMedusaStore } from "@/server/medusa/client";

/**
 * Asks Medusa's `/health` (no authentication, no side effects) through the store client, so health
 * checks the same base URL and transport as every other call. Resolves when Medusa answers 2xx;
 * rejects with the js-sdk's FetchError (it carries `status`) or the network error otherwise.
 */
export async function pingMedusa({ signal }: { signal?: AbortSignal } = {}): Promise<void> {
  // A non-JSON accept header makes the js-sdk hand back the raw Response instead of parsing "OK" as JSON.
  await getMedusaStore().client.fetch<Response>("/health", {
    method: "GET",
    headers: { accept: "text/plain" },
    signal,
  });
}
