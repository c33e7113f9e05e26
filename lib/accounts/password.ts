// argon2id password hashes (the library's default algorithm).
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash keeps the time for an unknown email the same as for a known one.
let dummy: Promise<string> | undefined;
export async function burnVerifyTime(password: string) {
  dummy ??= hashPassword("not-a-real-password-000");
  await verifyPassword(await dummy, password);
}
