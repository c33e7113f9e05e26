// What is recorded about one person beyond his own row, stated once: disclosure shows exactly what
// erasure removes, and a merge counts the same links.
import type { Prisma } from "@/lib/generated/prisma/client";

/** Map links with him at either end. */
export const linksOf = (teamId: string, id: string): Prisma.PersonLinkWhereInput => ({ teamId, OR: [{ fromId: id }, { toId: id }] });

/** Review comments pinned to him or to one of his links. */
export const commentsAbout = (teamId: string, id: string): Prisma.ReviewCommentWhereInput => ({
  teamId,
  OR: [{ keyPersonId: id }, { link: { OR: [{ fromId: id }, { toId: id }] } }],
});
