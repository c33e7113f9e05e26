// Secrets at rest (a TOTP secret, an identity provider's client secret): AES-256-GCM with a key from
// the environment, never from the database, so a copy of the database alone reveals none of them.
// The stored form names its key ("v1.<key id>.<iv>.<tag>.<ciphertext>", base64url), so a later
// key rotation can tell which rows still use the old key.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv, keyBytes } from "@/lib/env";

let cached: Buffer | undefined;

function dataKey(): Buffer {
  if (cached) return cached;
  const env = getEnv();
  if (env.DATA_ENCRYPTION_KEY) return (cached = keyBytes(env.DATA_ENCRYPTION_KEY)!);
  // The embedded database: one key for this installation, beside its data (like the session secret).
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), "data-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return (cached = keyBytes(readFileSync(file, "utf8").trim())!);
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("base64url").slice(0, 8);

export function seal(plain: string, key = dataKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(sealed: string, key = dataKey()): string {
  const [version, id, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !body) throw new Error("not a sealed value");
  if (id !== keyId(key)) throw new Error("sealed with another key (DATA_ENCRYPTION_KEY changed?)");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * A keyed hash (HMAC-SHA-256 under a key derived from the data key) for values that must be found
 * again but not read back (recovery codes): without the key, a copy of the database cannot be
 * searched offline for them.
 */
export function keyedHash(value: string, key = dataKey()): string {
  const macKey = createHmac("sha256", key).update("keyed-hash/v1").digest();
  return createHmac("sha256", macKey).update(value).digest("base64url");
}
