// The origin links in mail point to. With NEXTAUTH_URL set (required with SMTP and on a server) it
// is that; otherwise (the embedded demo, whose mail stays in the in-app outbox) the request's host.
import { getEnv } from "@/lib/env";
import { header, type HeaderBag } from "./client-address";

export function appOrigin(headers?: HeaderBag): string {
  const env = getEnv();
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const host = header(headers, "host") ?? "localhost:3000";
  const proto = env.TRUSTED_PROXY_HOPS > 0 && header(headers, "x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
