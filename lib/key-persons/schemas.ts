// Key person input, shared by the form, the import and the server. Messages are catalog keys.
import { z } from "zod";
import { optionalId, versionField } from "@/lib/zod-helpers";
import { STANCES, KINDS, REASONS, VALUES, CHANNELS, MAX_QUERY } from "./constants";
export * from "./constants";

const text = (max: number) => z.string().trim().max(max, "tooLong");
const scale = z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(1, "tooSmall").max(5, "tooLarge");

export const keyPersonFields = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  nameKana: text(100).default(""),
  title: text(100).default(""),
  departmentId: optionalId,
  kind: z.enum(KINDS, { message: "invalidChoice" }),
  reportsToId: optionalId,
  ownerId: optionalId,
  stance: z.enum(STANCES, { message: "invalidChoice" }),
  influence: scale,
  interest: scale,
  resistanceReason: z
    .union([z.enum(REASONS, { message: "invalidChoice" }), z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  painPoints: text(2000).default(""),
  values: z
    .array(z.enum(VALUES, { message: "invalidChoice" }))
    .max(8)
    .default([]),
  bestTiming: text(500).default(""),
  preferredChannel: z
    .union([z.enum(CHANNELS, { message: "invalidChoice" }), z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  tags: z.array(z.string().trim().min(1).max(30, "tooLong")).max(20, "tooMany").default([]),
  notes: text(5000).default(""),
  externalId: text(64)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
});

export const createKeyPersonSchema = keyPersonFields.extend({
  stanceReason: text(500).default(""),
  /** Saved although someone of the same name is already in the team (the nurse confirmed a namesake). */
  allowDuplicate: z.boolean().default(false),
});

export const updateKeyPersonSchema = keyPersonFields.extend({
  id: z.string().min(1),
  version: versionField,
  stanceReason: text(500).default(""),
});

export const changeStanceSchema = z.object({
  id: z.string().min(1),
  version: versionField,
  stance: z.enum(STANCES, { message: "invalidChoice" }),
  reason: text(500).default(""),
});

export const archiveKeyPersonSchema = z.object({ id: z.string().min(1), archived: z.boolean() });

const sortKeys = ["name", "nameKana", "stance", "lastContactAt", "influence", "updatedAt"] as const;

// List filters as they appear in the URL; every value arrives as a string.
export const keyPersonFilterSchema = z
  .object({
    q: z.string().trim().optional().catch(undefined),
    stance: z.array(z.enum(STANCES)).optional().catch(undefined),
    kind: z.array(z.enum(KINDS)).optional().catch(undefined),
    departmentId: z.string().min(1).optional().catch(undefined),
    ownerId: z.string().min(1).optional().catch(undefined),
    noContactDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
    thanksOwed: z.coerce.boolean().optional().catch(undefined),
    archived: z.coerce.boolean().optional().catch(undefined),
    sort: z.enum(sortKeys).default("name").catch("name"),
    dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
    page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
    pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
  })
  .transform((f) => {
    // An over-long query is not dropped (that would list everyone): it matches nothing and says so.
    const qTooLong = (f.q?.length ?? 0) > MAX_QUERY;
    return { ...f, qTooLong };
  });

export type KeyPersonFilter = z.infer<typeof keyPersonFilterSchema>;

const ARRAY_KEYS = new Set(["stance", "kind"]);

/** Reads filters from URLSearchParams (arrays as repeated keys). */
export function filterFromSearchParams(params: URLSearchParams): KeyPersonFilter {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key).filter((v) => v !== "");
    if (all.length === 0) continue;
    raw[key] = ARRAY_KEYS.has(key) ? all : all[0];
  }
  if (raw.thanksOwed === "0" || raw.thanksOwed === "false") delete raw.thanksOwed;
  if (raw.archived === "0" || raw.archived === "false") delete raw.archived;
  return keyPersonFilterSchema.parse(raw);
}

export const savedFilterSchema = z.object({
  name: z.string().trim().min(1, "required").max(60, "tooLong"),
  query: z.string().max(2000),
});
