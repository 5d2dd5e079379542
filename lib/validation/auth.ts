import { z } from "zod";

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@company.com."))
  .transform((email) => email.toLowerCase());

export const ZLoginInput = z.object({
  email: ZEmail,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "A password has at most 200 characters."),
});

export type TLoginInput = z.infer<typeof ZLoginInput>;

// The reasons a sign-in can fail, carried from the server (next-auth's `error`) to the form.
export const LOGIN_FAILURES = [
  "INVALID_INPUT",
  "WRONG_CREDENTIALS",
  "ACCOUNT_INACTIVE",
  "ORGANISATION_SUSPENDED",
  "RATE_LIMITED",
] as const;

export type TLoginFailure = (typeof LOGIN_FAILURES)[number];

export function loginFailureMessage(code: string | null | undefined): string {
  const [reason, minutes] = (code ?? "").split(":");
  switch (reason) {
    case "INVALID_INPUT":
      return "Enter a valid email address and your password.";
    case "WRONG_CREDENTIALS":
    case "CredentialsSignin":
      return "Wrong email or password.";
    case "ACCOUNT_INACTIVE":
      return "Your account has been deactivated. Ask your organisation's administrator to reactivate it.";
    case "ORGANISATION_SUSPENDED":
      return "Your organisation's account is suspended. Contact your account manager.";
    case "RATE_LIMITED":
      return `Too many failed sign-in attempts. Try again in ${minutes ?? "a few"} minute${minutes === "1" ? "" : "s"}.`;
    default:
      return "We could not sign you in. Please try again.";
  }
}
