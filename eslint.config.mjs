import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const CONFIG_AND_DAYS = [
  { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through lib/env.ts." },
  { selector: "Literal[value=86400000]", message: "Use DAY_MS from lib/dates.ts." },
];
// Access is asked of the permission map (can(role, permission) in lib/auth/permissions.ts), never of a
// role's name; lib/auth and lib/team, which define and change roles, are the exception.
const ROLE_NAMES = {
  selector: "BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(ADMIN|MENTOR|NURSE)$/]",
  message: "Ask can(role, permission) from lib/auth/permissions.ts instead of comparing a role's name.",
};

// lib in two layers (docs/architecture.md). The kernel is what every feature stands on; it imports no
// feature, so changing a feature never reaches the request context, the database or the mail queue.
const KERNEL = [
  "audit.ts",
  "auth",
  "backup",
  "cn.ts",
  "crypto",
  "dates.ts",
  "db",
  "env.ts",
  "errors.ts",
  "export",
  "i18n",
  "jobs",
  "mail",
  "net",
  "search",
  "statistics",
  "zod-helpers.ts",
];
const FEATURES = [
  "accounts",
  "audit-log",
  "calendar",
  "cases",
  "csv",
  "dashboard",
  "demo",
  "departments",
  "home",
  "initiatives",
  "key-persons",
  "map",
  "newsletters",
  "reports",
  "requests",
  "retention",
  "reviews",
  "rules",
  "server",
  "share",
  "sso",
  "surveys",
  "team",
  "team-export",
  "touchpoints",
];
const LAYERS = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        {
          target: KERNEL.map((m) => `./lib/${m}`),
          from: FEATURES.map((m) => `./lib/${m}`),
          message: "The kernel imports no feature (docs/architecture.md): pass what it needs in, or move the code to the feature.",
        },
        { target: ["./lib", "./components"], from: "./app", message: "lib and components never import app." },
      ],
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    ".perf-floor/**",
    "next-env.d.ts",
  ]),
  {
    // import/no-cycle follows every import; the generated Prisma client (124k lines) and packages
    // cannot be part of a cycle of ours, so they are not parsed (lint: about 4 minutes → about 1).
    settings: { "import/ignore": ["node_modules", "lib/generated"] },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      // Modules that import each other load half-initialised; keep the dependency graph a tree.
      "import/no-cycle": "error",
      "no-restricted-syntax": ["error", ...CONFIG_AND_DAYS, ROLE_NAMES],
      ...LAYERS,
    },
  },
  {
    // Screens stay readable: a page or component longer than this becomes a hook and sections.
    files: ["app/**/*.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 150 }] },
  },
  {
    files: ["lib/auth/**", "lib/team/**"],
    rules: { "no-restricted-syntax": ["error", ...CONFIG_AND_DAYS] },
  },
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "prisma.config.ts",
      "playwright.config.ts",
      "playwright.topology.config.ts",
      "vitest.config.ts",
      "tests/**",
      "e2e/**",
      "e2e-topology/**",
      "scripts/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
]);
