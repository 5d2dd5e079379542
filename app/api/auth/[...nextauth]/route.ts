import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/server/auth/options";
import { withSignInRateLimitStatus } from "@/server/http/sign-in-rate-limit-status";

// GET/POST /api/auth/* – next-auth: sign-in with email and password, sign-out, session.
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const response: Response = await NextAuth(request, { params: await context.params }, getAuthOptions());

  return withSignInRateLimitStatus(response);
}

export { handler as GET, handler as POST };
