// /api/auth/*: next-auth's standard endpoints (csrf, callback/credentials, session, signout).
// Credential sign-in attempts are rate-limited per account and per IP before next-auth runs.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { checkSignInLimits } from "@/lib/auth/sign-in-limit";
import { errorResponse } from "@/lib/http/route";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    try {
      await checkSignInLimits(request);
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handler(request, context);
}

export { handler as GET };
