import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { getEnv } from "./lib/env";

// A bad environment stops the build and the server here, with the variable named.
getEnv();

// Messages are compiled when the app is built: neither the browser nor the server parses ICU syntax
// at run time, and the browser loads no parser (next-intl's `precompile`).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Lets pages answer a missing role with forbidden() → 403 and app/forbidden.tsx.
    authInterrupts: true,
    // A build from a fresh clone (npm run setup, CI) writes a cache it never reads: 14 s of a 61 s
    // build on two cores. A rebuild without it takes 40 s instead of 30.
    turbopackFileSystemCacheForBuild: false,
  },
  // Types are checked by `npm run typecheck` (tsc, CI's first step), not again by every build: the
  // build's own check was 42 s of its 83 on two cores, the longest part of `npm run setup`.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "@react-pdf/renderer",
    "exceljs",
    "highs",
    "pg-boss",
    "nodemailer",
    "@resvg/resvg-js",
  ],
  outputFileTracingIncludes: {
    "/*": ["./prisma/migrations/**/*"],
    // The two font files the PDF embeds (the package has every weight; only these are read).
    "/api/reports/**": [
      "./node_modules/@expo-google-fonts/noto-sans-jp/400Regular/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans-jp/700Bold/*.ttf",
    ],
    "/api/surveys/**": [
      "./node_modules/@expo-google-fonts/noto-sans-jp/400Regular/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans-jp/700Bold/*.ttf",
    ],
    "/share/**": [
      "./node_modules/@expo-google-fonts/noto-sans-jp/400Regular/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans-jp/700Bold/*.ttf",
    ],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
        ],
      },
      {
        // Every API answer is per user (or a health check): never stored by a browser or a shared cache.
        source: "/api/:path*",
        headers: [{ key: "Cache-Control", value: "no-store" }],
      },
      {
        // Share pages: never indexed, cached, framed, or leaking the token in a Referer.
        source: "/share/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
