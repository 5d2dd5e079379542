import { describe, expect, it } from "vitest";
import { clientIpFromForwardedFor } from "./client-ip";

describe("clientIpFromForwardedFor", () => {
  it("takes the address our proxy saw, not one the client put in the header", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIpFromForwardedFor("203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("counts back through a chain of trusted proxies (CDN, then load balancer)", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("uses the leftmost entry when the chain is shorter than configured, and 'unknown' without one", () => {
    expect(clientIpFromForwardedFor("203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientIpFromForwardedFor(undefined, 1)).toBe("unknown");
    expect(clientIpFromForwardedFor(" , ", 1)).toBe("unknown");
  });
});
