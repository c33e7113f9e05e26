// Secret tokens in links (invitations, reset and unlock links, share links, calendar feeds): random,
// URL-safe, and stored only as a SHA-256 hash, so the database never holds a working link.
import { createHash, randomBytes } from "node:crypto";

export const newToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
