import { describe, expect, it } from "vitest";
import { unmetPasswordRules } from "@/lib/auth/password-rules";

const unmet = (password: string, context = {}) => unmetPasswordRules(password, context).map((rule) => rule.id);

describe("password rules", () => {
  it("accepts a long password with a letter and a digit or symbol", () => {
    expect(unmet("correct horse 7 battery")).toEqual([]);
    expect(unmet("Überweisung-2026")).toEqual([]);
  });

  it("names each rule a password misses", () => {
    expect(unmet("short1")).toEqual(["length"]);
    expect(unmet("123456789012")).toEqual(["letter"]);
    expect(unmet("onlylettershere")).toEqual(["other"]);
    expect(unmet("")).toEqual(["length", "letter", "other", "personal"]);
  });

  it("refuses the email address, its local part or the name as the password", () => {
    expect(unmet("anna.berg+1@acme.example", { email: "anna.berg+1@acme.example" })).toEqual(["personal"]);
    expect(unmet("anna.berg-2026", { email: "anna.berg-2026@acme.example" })).toEqual(["personal"]);
    expect(unmet("Anna Bergström 1", { name: "anna bergström 1" })).toEqual(["personal"]);
  });
});
