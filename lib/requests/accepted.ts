// Requests the person said yes to (or to the smaller fallback), and the thanks still owed for them.
import type { Prisma } from "@/lib/generated/prisma/client";

export const ACCEPTED = ["ACCEPTED", "FALLBACK_ACCEPTED", "DONE"] as const;
export const isAccepted = (status: string) => (ACCEPTED as readonly string[]).includes(status);
export const thanksOwedWhere = { status: { in: [...ACCEPTED] }, thankedAt: null } satisfies Prisma.RequestWhereInput;

/** A request owed thanks as the lists show it (through acceptedWhat), with the person to thank. */
export const thanksOwedSelect = {
  id: true,
  what: true,
  fallbackWhat: true,
  status: true,
  respondedAt: true,
  keyPerson: { select: { id: true, name: true } },
} satisfies Prisma.RequestSelect;

/** What the person agreed to: the smaller fallback when that is what she accepted. */
export const acceptedWhat = <R extends { status: string; what: string; fallbackWhat: string | null }>({ fallbackWhat, ...r }: R) => ({
  ...r,
  what: r.status === "FALLBACK_ACCEPTED" && fallbackWhat ? fallbackWhat : r.what,
});
