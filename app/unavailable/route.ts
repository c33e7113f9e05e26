// GET /unavailable - where pages send the reader while the database cannot be reached: a calm page
// with 503 and Retry-After (a layout cannot set a status itself), which reloads the page she was on.
// It touches no database and reads nothing but the path to return to.
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

export const dynamic = "force-dynamic";

const RETRY_SECONDS = 30;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(req: Request) {
  const url = new URL(req.url);
  const next = safeCallbackPath(url.searchParams.get("next") ?? "/");
  const english = /^en\b/i.test(req.headers.get("accept-language") ?? "");
  const t = (english ? en : ja).errors;
  const href = escape(next);
  const html = `<!doctype html>
<html lang="${english ? "en" : "ja"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS};url=${href}"><meta name="robots" content="noindex">
<title>${escape(t.unavailableTitle)}</title>
<style>body{margin:0;font-family:system-ui,"Noto Sans JP",sans-serif;background:#fafaf9;color:#1c1917}
main{max-width:32rem;margin:15vh auto;padding:1.5rem;background:#fff;border:1px solid #e7e5e4;border-radius:.5rem}
h1{font-size:1.125rem;margin:0 0 .75rem}p{font-size:.875rem;line-height:1.7;color:#44403c}
a{display:inline-block;margin-top:.5rem;padding:.5rem 1rem;border-radius:.375rem;background:#0f766e;color:#fff;text-decoration:none}
a:focus-visible{outline:3px solid #134e4a;outline-offset:2px}</style></head>
<body><main role="alert"><h1>${escape(t.unavailableTitle)}</h1><p>${escape(t.unavailableBody)}</p>
<a href="${href}">${escape(t.unavailableRetry)}</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_SECONDS),
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
