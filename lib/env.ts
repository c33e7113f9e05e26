// The one environment schema. Nothing else reads process.env for configuration.
import { z } from "zod";

const boolString = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** A 32-byte key written as hex or base64, or undefined when it is neither. */
export function keyBytes(v: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(v)) return Buffer.from(v, "base64");
  return undefined;
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // A PostgreSQL server; without it the app uses the embedded database in PGLITE_DIR.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  // Signs session cookies. Required with a PostgreSQL server (several app servers must share it);
  // the embedded database keeps a generated one in its data folder.
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // How many proxies of ours (load balancers) append to X-Forwarded-For. 0: the header is not trusted.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // The public URL (https://… behind a proxy). Cookies are marked Secure when it is https.
  NEXTAUTH_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, "must be an http(s) URL")
    .optional(),
  // DNS servers asked for a team's domain-proof TXT records (host or host:port, comma-separated);
  // unset: the system's resolver. Tests point it at a DNS server they start.
  DNS_SERVERS: z
    .string()
    .regex(/^[\w.:\[\]-]+(,[\w.:\[\]-]+)*$/, "must be host[:port] values, comma-separated")
    .optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // Shows the demo sign-ins on the sign-in page. Defaults to on for the embedded database only.
  DEMO_MODE: boolString.optional(),
  // Seed the demo team on first start. Defaults to on for the embedded database only.
  SEED_DEMO: boolString.optional(),
  // Encrypts secrets at rest (TOTP secrets, identity-provider client secrets): 32 random bytes as
  // base64 or hex (openssl rand -base64 32). Required with a PostgreSQL server; the embedded database
  // keeps a generated one beside its data folder.
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => keyBytes(v)?.length === 32, "must be 32 bytes as base64 or hex (openssl rand -base64 32)")
    .optional(),
  // Keys retired by a rotation (comma separated, newest first): still read, never written with.
  // Kept until `npm run rotate-key` has re-encrypted every row under DATA_ENCRYPTION_KEY.
  DATA_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .refine(
      (v) =>
        v
          .split(",")
          .filter((k) => k.trim())
          .every((k) => keyBytes(k.trim())?.length === 32),
      "each key must be 32 bytes as base64 or hex",
    )
    .optional(),
  // Passkeys: further origins (comma separated) the app is opened at, besides NEXTAUTH_URL.
  WEBAUTHN_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/]+$/, "must be origins like https://crm.example.co.jp")))
    .optional(),
  // Outgoing mail: smtp://user:pass@host:587 or smtps://…:465. Without it mail is held in the
  // in-app outbox that admins read (the embedded demo).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  // The sender of every mail.
  MAIL_FROM: z.string().min(3).default("つながりノート <no-reply@tsunagari-note.invalid>"),
  // Browser tests only: turns on POST /api/test/session (a new member of a team, signed in) for
  // requests that present this secret. Refused unless NEXTAUTH_URL is a loopback http:// address.
  E2E_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Integration tests only: a local PostgreSQL server to run the suite against.
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL")
    .optional(),
});

export type Env = z.infer<typeof schema> & { embedded: boolean; demoMode: boolean; seedDemo: boolean };

export class EnvError extends Error {}

/** Parses an environment; a wrong value throws an error that names the variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const embedded = !env.DATABASE_URL;
  if (!embedded && env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
    throw new EnvError("Invalid environment variables:\n  NEXTAUTH_SECRET: required when DATABASE_URL is set");
  }
  // Without it next-auth builds its URLs for http://localhost:3000: a real deployment must say where it is.
  if (!embedded && env.NODE_ENV === "production" && !env.NEXTAUTH_URL) {
    throw new EnvError("Invalid environment variables:\n  NEXTAUTH_URL: required when DATABASE_URL is set (the public https:// URL)");
  }
  if (!embedded && env.NODE_ENV === "production" && !env.DATA_ENCRYPTION_KEY) {
    throw new EnvError(
      "Invalid environment variables:\n  DATA_ENCRYPTION_KEY: required when DATABASE_URL is set (openssl rand -base64 32)",
    );
  }
  // Links in mail must not be built from a Host header a stranger can choose.
  if (env.SMTP_URL && !env.NEXTAUTH_URL) {
    throw new EnvError("Invalid environment variables:\n  NEXTAUTH_URL: required when SMTP_URL is set (links in mail point to it)");
  }
  if (env.E2E_SESSION_SECRET && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(env.NEXTAUTH_URL ?? "")) {
    throw new EnvError(
      "Invalid environment variables:\n  E2E_SESSION_SECRET: only for browser tests; NEXTAUTH_URL must be http://127.0.0.1 or http://localhost",
    );
  }
  return {
    ...env,
    embedded,
    demoMode: env.DEMO_MODE ?? embedded,
    seedDemo: env.SEED_DEMO ?? embedded,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again on next use (tools that change it, such as a key rotation's tests). */
export function reloadEnv() {
  cached = undefined;
}
