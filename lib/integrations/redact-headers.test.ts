import { describe, expect, it } from "vitest";
import { REDACTED, redactHeaders } from "@/lib/integrations/redact-headers";

describe("redactHeaders", () => {
  it("keeps ordinary headers and replaces credentials, whatever their case", () => {
    const headers = new Headers({
      "Content-Type": "application/json",
      "User-Agent": "python-requests/2.32.3",
      Authorization: "Bearer abc",
      Cookie: "session=1",
      "X-Webhook-Token": "t0k3n",
      "X-Signature-256": "sha256=ff",
      "X-Api-Key": "k",
      "Strapi-Secret": "s",
    });

    expect(redactHeaders(headers)).toEqual({
      "content-type": "application/json",
      "user-agent": "python-requests/2.32.3",
      authorization: REDACTED,
      cookie: REDACTED,
      "x-webhook-token": REDACTED,
      "x-signature-256": REDACTED,
      "x-api-key": REDACTED,
      "strapi-secret": REDACTED,
    });
  });

  it("takes a plain object too", () => {
    expect(redactHeaders({ "X-Request-Id": "r1", "x-auth-token": "t" })).toEqual({
      "x-request-id": "r1",
      "x-auth-token": REDACTED,
    });
  });
});
