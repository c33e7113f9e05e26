// Every page gets a per-request nonce for a strict Content-Security-Policy (Next adds the nonce to
// its own scripts), HSTS when served over HTTPS, and a Permissions-Policy. Authorization is not
// done here: pages and route handlers check it themselves.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";

export function proxy(request: NextRequest) {
  // A path that is not valid percent-encoded UTF-8 (a lone surrogate, say) is a bad request, not a 500.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad Request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // API answers carry no documents to protect: past the check above, nothing else to do.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const dev = getEnv().NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and small layout values use style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Where to come back to after the calm "database unavailable" page.
  requestHeaders.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // Every page and API route (not static files): an undecodable path is refused for both, and pages
  // get their headers. Prefetches too: what the client sends in x-request-path must never reach a
  // page, so the proxy sets it on every one.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
