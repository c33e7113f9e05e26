// Company sign-in, step 2: the identity provider sends the browser back here with a code. Every check
// is in lib/sso/flow.ts; on success this answers with the same session cookie a password sign-in gets.
import { cookies } from "next/headers";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { appOrigin } from "@/lib/net/app-origin";
import { clientAddress } from "@/lib/net/client-address";
import { completeSso, SSO_BROWSER_COOKIE, SsoError } from "@/lib/sso/flow";
import { TEAM_COOKIE } from "@/lib/auth/context";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const origin = appOrigin(req.headers);
  const query = new URL(req.url).searchParams;
  const browser = (await cookies()).get(SSO_BROWSER_COOKIE)?.value;
  try {
    // The provider may answer with an error instead of a code (the user cancelled, say).
    if (query.get("error")) throw new SsoError("failed", query.get("error") ?? "");
    const done = await completeSso(getDb(), {
      query,
      browser,
      origin,
      session: { ip: clientAddress(req.headers, getEnv().TRUSTED_PROXY_HOPS), userAgent: req.headers.get("user-agent") },
    });
    const cookie = await sessionCookie(done.user, done.sessionId);
    const secure = cookie.options.secure ? "; Secure" : "";
    const headers = new Headers({ Location: `${origin}${done.callbackUrl}`, "Cache-Control": "no-store" });
    headers.append(
      "Set-Cookie",
      `${cookie.name}=${cookie.value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${cookie.options.maxAge}${secure}`,
    );
    headers.append("Set-Cookie", `${TEAM_COOKIE}=${done.teamId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`);
    headers.append("Set-Cookie", `${SSO_BROWSER_COOKIE}=; Path=/api/sso; HttpOnly; SameSite=Lax; Max-Age=0`);
    return new Response(null, { status: 303, headers });
  } catch (e) {
    const reason = e instanceof SsoError ? e.reason : "failed";
    console.warn(`[sso] sign-in refused: ${(e as Error).message}`);
    return new Response(null, {
      status: 303,
      headers: { Location: `${origin}/sign-in?sso=1&error=${encodeURIComponent(`sso.${reason}`)}`, "Cache-Control": "no-store" },
    });
  }
}
