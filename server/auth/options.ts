import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIpFromForwardedFor } from "@/lib/client-ip";
import { usesSecureCookies } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";

const SESSION_HOURS = 8;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];

  return clientIpFromForwardedFor(typeof forwarded === "string" ? forwarded : undefined, getEnv().TRUSTED_PROXY_HOPS);
}

// One sign-in for every user (buyers, org admins, staff). The JWT carries only the user
// id; role, organisation and the active/suspended state are re-read from the database on
// every request (server/auth/session.ts), so a change takes effect at once.
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();

  return {
    secret: env.NEXTAUTH_SECRET,
    // Decided by APP_URL (validated equal to NEXTAUTH_URL), not left to next-auth's guess: https gives Secure,
    // __Secure-/__Host- prefixed cookies. proxy.ts knows both session cookie names.
    useSecureCookies: usesSecureCookies(env),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // A thrown SignInRefused becomes next-auth's `error` string, e.g. "RATE_LIMITED:15".
        authorize: async (credentials, req) => signInWithPassword({ input: credentials, ip: clientIp(req?.headers) }),
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? { ...token, uid: user.id } : token),
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.uid } }),
    },
  };
}
