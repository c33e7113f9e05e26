// The session-signing secret: NEXTAUTH_SECRET, or for the embedded database one generated on
// first start and kept beside its data (one server process, so nothing to share).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

let cached: string | undefined;

/** Where the embedded database's generated secret is kept: beside its data. */
export function authSecretFile(): string {
  return path.join(path.dirname(path.resolve(getEnv().PGLITE_DIR)), "auth-secret");
}

export function getAuthSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = authSecretFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return (cached = readFileSync(file, "utf8").trim());
}
