import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("defaults to the embedded database with demo mode on", () => {
    const env = parseEnv({});
    expect(env.embedded).toBe(true);
    expect(env.demoMode).toBe(true);
    expect(env.seedDemo).toBe(true);
    expect(env.PGLITE_DIR).toBe("./data/pglite");
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
  });

  it("uses a PostgreSQL server without demo data unless asked", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://app@db.internal:5432/ally",
      NEXTAUTH_SECRET: "x".repeat(40),
      NEXTAUTH_URL: "https://crm.example.co.jp",
      DATA_ENCRYPTION_KEY: "a".repeat(64),
      NODE_ENV: "production",
    });
    expect(env.embedded).toBe(false);
    expect(env.demoMode).toBe(false);
    expect(env.seedDemo).toBe(false);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrowError(/DATABASE_URL/);
    expect(() => parseEnv({ SESSION_MAX_AGE_HOURS: "forever" })).toThrowError(/SESSION_MAX_AGE_HOURS/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrowError(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrowError(/DEMO_MODE/);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrowError(EnvError);
  });

  it("requires a shared secret for a production server database", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://a@b/c", NODE_ENV: "production" })).toThrowError(/NEXTAUTH_SECRET/);
  });

  it("requires the public URL for a production server database, and trusts no proxy by default", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://a@b/c", NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) })).toThrowError(
      /NEXTAUTH_URL/,
    );
    expect(() => parseEnv({ NEXTAUTH_URL: "crm.example" })).toThrowError(/NEXTAUTH_URL/);
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("requires a data encryption key of 32 bytes for a production server database, and a public URL with SMTP", () => {
    const server = {
      DATABASE_URL: "postgresql://a@b/c",
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "x".repeat(40),
      NEXTAUTH_URL: "https://crm.example",
    };
    expect(() => parseEnv(server)).toThrowError(/DATA_ENCRYPTION_KEY/);
    expect(() => parseEnv({ ...server, DATA_ENCRYPTION_KEY: "too-short" })).toThrowError(/DATA_ENCRYPTION_KEY/);
    expect(parseEnv({ ...server, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }).embedded).toBe(false);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example:587" })).toThrowError(/NEXTAUTH_URL/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example" })).toThrowError(/SMTP_URL/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).embedded).toBe(true);
  });

  it("allows browser-test sessions on a loopback http:// origin only", () => {
    const secret = "s".repeat(40);
    expect(parseEnv({ E2E_SESSION_SECRET: secret, NEXTAUTH_URL: "http://127.0.0.1:3210" }).E2E_SESSION_SECRET).toBe(secret);
    expect(parseEnv({ E2E_SESSION_SECRET: secret, NEXTAUTH_URL: "http://localhost:3210" }).E2E_SESSION_SECRET).toBe(secret);
    expect(() => parseEnv({ E2E_SESSION_SECRET: secret })).toThrowError(/E2E_SESSION_SECRET/);
    expect(() => parseEnv({ E2E_SESSION_SECRET: secret, NEXTAUTH_URL: "https://crm.example.co.jp" })).toThrowError(/E2E_SESSION_SECRET/);
    expect(() => parseEnv({ E2E_SESSION_SECRET: secret, NEXTAUTH_URL: "http://127.0.0.1.example.com" })).toThrowError(/E2E_SESSION_SECRET/);
    expect(() => parseEnv({ E2E_SESSION_SECRET: "short", NEXTAUTH_URL: "http://127.0.0.1:3210" })).toThrowError(/at least 32/);
  });
});
