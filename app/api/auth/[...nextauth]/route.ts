// next-auth: sign-in, sign-out, session and CSRF endpoints.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Built on first request, so the build never reads the secret or opens the database.
let nextAuth: ReturnType<typeof NextAuth> | undefined;

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  nextAuth ??= NextAuth(authOptions());
  return nextAuth(req, ctx);
}

export { handler as GET, handler as POST };
