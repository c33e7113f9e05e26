// next-auth: sign-in, sign-out, session and CSRF endpoints.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/accounts/options";
import { isCrossSiteWrite } from "@/lib/net/same-origin";

// Built on first request, so the build never reads the secret or opens the database.
let nextAuth: ReturnType<typeof NextAuth> | undefined;

// next-auth throws (a 500) on requests it has no answer for, such as a GET of the credentials
// callback or a cross-site POST; those get a plain 404 / 403 instead.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const path = (await ctx.params).nextauth.join("/");
  if (req.method === "GET" && (path === "callback/credentials" || path === "signin/credentials")) {
    return Response.json({ error: "notFound" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  if (isCrossSiteWrite(req)) return Response.json({ error: "forbidden" }, { status: 403, headers: { "Cache-Control": "no-store" } });
  nextAuth ??= NextAuth(authOptions());
  return nextAuth(req, ctx);
}

export { handler as GET, handler as POST };
