// The browser tests' identity provider: a real OpenID provider (oidc-provider) on 127.0.0.1:3213,
// signing in whoever the app names in login_hint (tests/support/oidc.ts), for the company sign-in tests.
import { createServer } from "node:http";
import { startOidcProvider } from "../tests/support/oidc";

await startOidcProvider({ port: 3213, redirectUris: ["http://127.0.0.1:3210/api/sso/callback"] });
// Playwright waits for this address before the tests start.
createServer((_req, res) => res.end("ok")).listen(3214, "127.0.0.1");
