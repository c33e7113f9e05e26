// Where to go after sign-in: only a path on this site. "/\evil.example" passes a startsWith("/")
// check, but browsers read the backslash as a slash and leave the site; parsing against a base and
// comparing origins is what the browser will do.
const BASE = "https://app.invalid";

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "" || /[\\\u0000-\u001f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || path.includes("\\") || /%5c/i.test(url.pathname) ? "/" : path;
}
