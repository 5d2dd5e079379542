import "server-only";
import { networkFailure, timeoutFailure } from "@/server/odoo/errors";

export type TRawResponse = { status: number; contentType: string; text: string };
export type TFetch = typeof fetch;

/**
 * One HTTP round trip with a deadline. Node's fetch keeps connections alive between calls.
 * Network failures and the deadline become retryable OdooErrors; statuses are the caller's.
 */
export async function sendRequest(
  fetchImpl: TFetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<TRawResponse> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    if ((error as Error)?.name === "TimeoutError" || (error as Error)?.name === "AbortError")
      throw timeoutFailure(init.timeoutMs);
    throw networkFailure(error);
  }
  try {
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text: await response.text(),
    };
  } catch (error) {
    if ((error as Error)?.name === "TimeoutError" || (error as Error)?.name === "AbortError")
      throw timeoutFailure(init.timeoutMs);
    throw networkFailure(error);
  }
}
