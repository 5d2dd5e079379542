// The rules a new password must meet, shared by the forms (shown as the person types) and the
// server (which decides). Length matters most; the other rules stop the commonest weak choices.

export type TPasswordRule = {
  id: string;
  label: string;
  test: (password: string, context: TPasswordContext) => boolean;
};
export type TPasswordContext = { email?: string; name?: string };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_RULES: readonly TPasswordRule[] = [
  {
    id: "length",
    label: `At least ${PASSWORD_MIN_LENGTH} characters`,
    test: (password) => [...password].length >= PASSWORD_MIN_LENGTH,
  },
  { id: "letter", label: "At least one letter", test: (password) => /\p{L}/u.test(password) },
  {
    id: "other",
    label: "At least one digit or symbol",
    test: (password) => /[^\p{L}\s]/u.test(password),
  },
  {
    id: "personal",
    label: "Not your email address or name",
    test: (password, { email, name }) => {
      const lower = password.trim().toLowerCase();
      const local = email?.split("@")[0]?.toLowerCase();
      if (!lower) return false;

      return lower !== email?.toLowerCase() && lower !== local && lower !== name?.trim().toLowerCase();
    },
  },
];

/** The rules the password does not meet yet (empty: acceptable). */
export function unmetPasswordRules(password: string, context: TPasswordContext = {}): TPasswordRule[] {
  return PASSWORD_RULES.filter((rule) => !rule.test(password, context));
}
