import { describe, expect, it } from "vitest";
import { pickContentLocale } from "@/lib/pim/pick-content-locale";

describe("pickContentLocale", () => {
  it("takes the buyer's choice over the browser's languages", () => {
    expect(pickContentLocale({ chosen: "de", acceptLanguage: "en-GB,en;q=0.9" })).toBe("de");
    expect(pickContentLocale({ chosen: "en", acceptLanguage: "de-DE" })).toBe("en");
  });

  it("takes the browser's best-ranked supported language, by q then order", () => {
    expect(pickContentLocale({ acceptLanguage: "de-CH, en;q=0.8" })).toBe("de");
    expect(pickContentLocale({ acceptLanguage: "fr-FR, en;q=0.5, de;q=0.9" })).toBe("de");
    expect(pickContentLocale({ acceptLanguage: "fr, nl" })).toBe("en");
    expect(pickContentLocale({ acceptLanguage: "de;q=0, en" })).toBe("en");
  });

  it("falls back to English for unknown choices and no header", () => {
    expect(pickContentLocale({ chosen: "xx" })).toBe("en");
    expect(pickContentLocale({})).toBe("en");
  });
});
