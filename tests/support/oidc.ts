// A real OpenID provider for the tests (oidc-provider, the certified implementation) on a loopback
// port. The account is the login_hint the app sends (an email), signed in without a form. Accounts
// whose name starts with "aud." or "expired." get an ID token with the wrong audience or long
// expired, re-signed with the provider's own key, to prove the app's validation refuses them;
// "noverify." and "upn." ones an email not said to be verified, or only a user name.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, decodeJwt } from "jose";
import Provider from "oidc-provider";

export interface TestOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcProvider(options: { port?: number; redirectUris: string[] }): Promise<TestOidc> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "tsunagari-note";
  const clientSecret = "test-client-secret-0123456789";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => {
        const email = id.replace(/^(aud|expired|noverify|upn)\./, "");
        const name = `IdP ${id.split("@")[0]}`;
        // "noverify.": the provider does not say the email is verified; "upn.": no email at all,
        // only a user name that looks like one (Entra's preferred_username).
        if (id.startsWith("noverify.")) return { sub: id, email, name };
        if (id.startsWith("upn.")) return { sub: id, preferred_username: email, name };
        return { sub: id, email, email_verified: true, name };
      },
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ["test-cookie-key"] },
    // Quiet: the provider warns about development defaults, which is what a test wants.
    renderError: async (ctx, out) => {
      ctx.type = "json";
      ctx.body = out;
    },
  });

  // Tampering with the token response for the accounts named above.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !body?.id_token) return;
    const claims = decodeJwt(body.id_token);
    const sub = String(claims.sub ?? "");
    if (!/^(aud|expired)\./.test(sub)) return;
    const now = Math.floor(Date.now() / 1000);
    const changed = sub.startsWith("aud.") ? { ...claims, aud: "another-app" } : { ...claims, iat: now - 7200, exp: now - 3600 };
    body.id_token = await new SignJWT(changed).setProtectedHeader({ alg: "RS256", kid: "test-key" }).sign(privateKey);
  });

  const handle = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return void handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = String(details.params.login_hint ?? "");
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope ?? "openid"));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((e) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
