/** Prisma's contains is a LIKE pattern: \ % and _ typed by a user are meant literally. */
export const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);
