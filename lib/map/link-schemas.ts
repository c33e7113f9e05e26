// Link input, shared by the map's form (browser) and the server action.
import { z } from "zod";
import { LINK_TYPES } from "./link-types";
export { LINK_TYPES } from "./link-types";

export const createLinkSchema = z
  .object({
    fromId: z.string().min(1, "required"),
    toId: z.string().min(1, "pickPerson"),
    type: z.enum(LINK_TYPES, { message: "invalidChoice" }),
    note: z.string().trim().max(500, "tooLong").default(""),
  })
  .refine((v) => v.fromId !== v.toId, { message: "samePerson", path: ["toId"] });
