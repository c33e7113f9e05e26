// A valid reset link for a user, as a mailed one would be (only its hash is stored).
import type { Db } from "@/lib/db/client";
import { hashToken, newToken } from "@/lib/crypto/tokens";

export async function createLink(db: Db, userId: string, purpose: "reset" | "unlock" = "reset") {
  const token = newToken();
  await db.passwordReset.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) } });
  return token;
}
