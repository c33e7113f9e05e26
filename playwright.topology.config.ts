// The production topology's browser test (scripts/topology.sh starts it): Debian's nginx with a
// self-signed certificate in front of two `next start` processes on one PostgreSQL. The browser
// trusts that certificate by its key (as a company's managed browsers trust its own CA), so the
// pages are a real secure context where passkeys work.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./e2e/chromium";

const spki = process.env.TOPOLOGY_SPKI;
if (!spki) throw new Error("Run through scripts/topology.sh (TOPOLOGY_SPKI is the certificate's key hash).");

export default defineConfig({
  testDir: "e2e-topology",
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.TOPOLOGY_URL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spki}`],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
