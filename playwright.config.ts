// Browser tests against the production build on a fresh embedded database, in Debian's chromium.
import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./e2e/chromium";

const PORT = 3210;
// One secret per run for the tests' own sign-ins (e2e/fixtures.ts signInAs); set before the
// workers start, so they inherit it.
process.env.E2E_SESSION_SECRET ??= randomBytes(24).toString("hex");

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two spec files at a time, the tests of one file in order. Tests that are not about one demo
  // account's own records sign in as members of their own (signInAs in e2e/fixtures.ts).
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "off",
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // A real SMTP server the app sends to; the tests read what arrived (e2e/mail-server.ts).
      command: "npx tsx e2e/mail-server.ts",
      url: "http://127.0.0.1:3212/health",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      // A real OpenID provider for company sign-in, and the DNS server for domain proofs (e2e/oidc-server.ts).
      command: "npx tsx e2e/oidc-server.ts",
      url: "http://127.0.0.1:3214/",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      // The server as `npm start` runs it (idle connections kept 65 s: with Node's default 5 s, a
      // browser test's request reusing a connection just as the server dropped it got ECONNRESET).
      command: `rm -rf data/e2e && npm start -- -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PGLITE_DIR: "data/e2e/pglite",
        NEXT_TELEMETRY_DISABLED: "1",
        SMTP_URL: "smtp://127.0.0.1:3211",
        DNS_SERVERS: "127.0.0.1:3215",
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        E2E_SESSION_SECRET: process.env.E2E_SESSION_SECRET,
        // X-Forwarded-For stands for what a load balancer reports (the allowlist tests set it).
        TRUSTED_PROXY_HOPS: "1",
        // Passkeys need a domain, not an IP address: their test opens the app at localhost.
        WEBAUTHN_ORIGINS: `http://localhost:${PORT}`,
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
