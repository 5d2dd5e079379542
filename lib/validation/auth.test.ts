import { describe, expect, it } from "vitest";
import { loginFailureMessage, ZLoginInput } from "@/lib/validation/auth";

describe("ZLoginInput", () => {
  it("trims and lower-cases the email", () => {
    expect(ZLoginInput.parse({ email: "  Anna@Acme.Example ", password: "pw" }).email).toBe("anna@acme.example");
  });

  it.each([
    [{ email: "", password: "pw" }, "email", "Enter your email address."],
    [{ email: "not-an-email", password: "pw" }, "email", "Enter a valid email address"],
    [{ email: "' OR 1=1 --", password: "pw" }, "email", "Enter a valid email address"],
    [{ email: `${"a".repeat(250)}@x.example`, password: "pw" }, "email", "at most 254"],
    [{ email: "a@b.example", password: "" }, "password", "Enter your password."],
    [{ email: "a@b.example", password: "p".repeat(201) }, "password", "at most 200"],
    [{ password: "pw" }, "email", "Enter your email address."],
  ])("rejects %j on %s", (input, field, message) => {
    const result = ZLoginInput.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toContain(message);
  });
});

describe("loginFailureMessage", () => {
  it("explains each refusal", () => {
    expect(loginFailureMessage("WRONG_CREDENTIALS")).toBe("Wrong email or password.");
    expect(loginFailureMessage("ACCOUNT_INACTIVE")).toMatch(/deactivated/);
    expect(loginFailureMessage("ORGANISATION_SUSPENDED")).toMatch(/suspended/);
    expect(loginFailureMessage("RATE_LIMITED:12")).toBe("Too many failed sign-in attempts. Try again in 12 minutes.");
    expect(loginFailureMessage("RATE_LIMITED:1")).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(loginFailureMessage("something odd")).toMatch(/could not sign you in/);
  });
});
