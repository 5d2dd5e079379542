import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/server/auth/options";

// GET/POST /api/auth/* – next-auth: sign-in with email and password, sign-out, session.
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request, { params: await context.params }, getAuthOptions());
}

export { handler as GET, handler as POST };
