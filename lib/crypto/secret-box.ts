// Secrets and health data at rest (a TOTP secret, an identity provider's client secret, a case's
// identifiers and notes): AES-256-GCM with a key from the environment, never from the database, so
// a copy of the database alone reveals none of them.
// The stored form names its key ("v1.<key id>.<iv>.<tag>.<ciphertext>", base64url), so a rotation
// can tell which rows still use a retired key: retired keys (DATA_ENCRYPTION_KEY_PREVIOUS) are read,
// never written with, until `npm run rotate-key` has re-encrypted everything.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv, keyBytes } from "@/lib/env";

let cached: Buffer[] | undefined;

/** The embedded database's key files: one key for this installation, beside its data. */
export function keyFiles() {
  const dir = path.dirname(path.resolve(getEnv().PGLITE_DIR));
  return { current: path.join(dir, "data-key"), previous: path.join(dir, "data-key.previous") };
}

/** The current key first, then the retired ones. */
function dataKeys(): Buffer[] {
  if (cached) return cached;
  const env = getEnv();
  const parse = (list: string) =>
    list
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((k) => keyBytes(k)!);
  if (env.DATA_ENCRYPTION_KEY) return (cached = [keyBytes(env.DATA_ENCRYPTION_KEY)!, ...parse(env.DATA_ENCRYPTION_KEY_PREVIOUS ?? "")]);
  // The key files are the installation's data, read at run time: the build must not trace them
  // (without the comments it traced the whole project into these routes' output).
  const files = keyFiles();
  if (!existsSync(/*turbopackIgnore: true*/ files.current)) {
    mkdirSync(/*turbopackIgnore: true*/ path.dirname(files.current), { recursive: true });
    writeFileSync(/*turbopackIgnore: true*/ files.current, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  const previous = existsSync(/*turbopackIgnore: true*/ files.previous)
    ? parse(readFileSync(/*turbopackIgnore: true*/ files.previous, "utf8"))
    : [];
  return (cached = [keyBytes(readFileSync(/*turbopackIgnore: true*/ files.current, "utf8").trim())!, ...previous]);
}

/** Forgets the keys read, so a rotation's new key is used from now on. */
export function reloadKeys() {
  cached = undefined;
}

export const keyId = (key: Buffer) => createHash("sha256").update(key).digest("base64url").slice(0, 8);

export function currentKeyId() {
  return keyId(dataKeys()[0]);
}

export function seal(plain: string, key = dataKeys()[0]): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(sealed: string, key?: Buffer): string {
  const [version, id, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || body === undefined) throw new Error("not a sealed value");
  const k = key ?? dataKeys().find((candidate) => keyId(candidate) === id);
  if (!k || keyId(k) !== id)
    throw new Error("sealed with an unknown key (DATA_ENCRYPTION_KEY changed without DATA_ENCRYPTION_KEY_PREVIOUS?)");
  const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * A keyed hash (HMAC-SHA-256 under a key derived from the data key) for values that must be found
 * again but not read back (recovery codes, an employee code): without the key, a copy of the
 * database cannot be searched offline for them.
 */
export function keyedHash(value: string, key = dataKeys()[0]): string {
  const macKey = createHmac("sha256", key).update("keyed-hash/v1").digest();
  return createHmac("sha256", macKey).update(value).digest("base64url");
}

/** The value's keyed hash under every key still read: what a lookup must accept during a rotation. */
export function keyedHashes(value: string): string[] {
  return dataKeys().map((k) => keyedHash(value, k));
}
