// The browser tests' identity provider: a real OpenID provider (oidc-provider) on 127.0.0.1:3213,
// signing in whoever the app names in login_hint (tests/support/oidc.ts), for the company sign-in
// tests; and the DNS server the app asks for domain proofs (DNS_SERVERS=127.0.0.1:3215), whose TXT
// records a test sets with POST http://127.0.0.1:3214/dns?name=…&value=….
import { createServer } from "node:http";
import { startDnsServer } from "../tests/support/dns";
import { startOidcProvider } from "../tests/support/oidc";

await startOidcProvider({ port: 3213, redirectUris: ["http://127.0.0.1:3210/api/sso/callback"] });
const dns = await startDnsServer(3215);
// Playwright waits for this address before the tests start.
createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1:3214");
  if (req.method === "POST" && url.pathname === "/dns") {
    dns.setTxt(url.searchParams.get("name") ?? "", url.searchParams.getAll("value"));
    res.statusCode = 204;
    return void res.end();
  }
  res.end("ok");
}).listen(3214, "127.0.0.1");
