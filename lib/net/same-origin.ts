// State-changing requests from another site are refused (cross-site request forgery), as Next does
// for server actions: the Origin header, when the browser sends one, must name this host. Browsers
// send Origin on every cross-origin POST; Sec-Fetch-Site covers those that do not.
import { getEnv } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const env = getEnv();
  const allowed = new Set<string>();
  const host = req.headers.get("host");
  if (host) allowed.add(host);
  const forwarded = env.TRUSTED_PROXY_HOPS > 0 ? req.headers.get("x-forwarded-host") : null;
  if (forwarded) allowed.add(forwarded.split(",")[0].trim());
  if (env.NEXTAUTH_URL) allowed.add(new URL(env.NEXTAUTH_URL).host);
  return !allowed.has(originHost);
}
