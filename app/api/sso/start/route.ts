// Company sign-in, step 1: find the team's identity provider by the email's domain and send the
// browser there. Signed-out users only come here, so it needs no session; it sets the cookie that
// binds the sign-in to this browser.
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { getDb } from "@/lib/db/client";
import { appOrigin } from "@/lib/net/app-origin";
import { beginSso, SSO_BROWSER_COOKIE, SSO_LOGIN_MINUTES, SsoError } from "@/lib/sso/flow";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const emailSchema = z.string().trim().toLowerCase().max(254).email();

function back(origin: string, error: string) {
  return Response.redirect(`${origin}/sign-in?sso=1&error=${encodeURIComponent(`sso.${error}`)}`, 303);
}

export async function GET(req: Request) {
  const origin = appOrigin(req.headers);
  const params = new URL(req.url).searchParams;
  const email = emailSchema.safeParse(params.get("email") ?? "");
  if (!email.success) return back(origin, "unknownDomain");
  try {
    const { url, browser } = await beginSso(getDb(), {
      email: email.data,
      callbackUrl: safeCallbackPath(params.get("callbackUrl") ?? "/"),
      origin,
    });
    const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ? "; Secure" : "";
    return new Response(null, {
      status: 303,
      headers: {
        Location: url,
        "Cache-Control": "no-store",
        "Set-Cookie": `${SSO_BROWSER_COOKIE}=${browser}; Path=/api/sso; HttpOnly; SameSite=Lax; Max-Age=${SSO_LOGIN_MINUTES * 60}${secure}`,
      },
    });
  } catch (e) {
    if (e instanceof SsoError) return back(origin, e.reason);
    console.error("[sso] start failed", e);
    return back(origin, "failed");
  }
}
