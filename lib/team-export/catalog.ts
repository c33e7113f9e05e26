// What a team export holds, read from the database's own catalog so a new table or column is never
// silently left behind: every table is either the team's (exported whole) or listed in EXCLUDED
// with the reason (tests/integration/team-export.test.ts fails on a table that is neither).
// Generated columns (search keys) are left out: the database derives them again.
import type { Db } from "@/lib/db/client";

type Raw = Pick<Db, "$queryRawUnsafe">;

/** Tables that never leave the installation, and why. */
export const EXCLUDED: Record<string, string> = {
  _prisma_migrations: "the installation's schema history",
  TeamSso: "the identity provider's client secret: set company sign-in up again",
  SsoDomain: "proof of a mail domain holds for this installation's token: verify it again",
  SsoLogin: "sign-ins in progress",
  UserIdentity: "links to the identity provider's accounts, re-made on the first company sign-in",
  UserSession: "signed-in devices",
  PasswordReset: "single-use links",
  Invitation: "single-use links: invite again",
  ShareLink: "addresses handed to managers work only on the installation that issued them",
  CalendarFeed: "private calendar addresses: each nurse issues hers again",
  Passkey: "second factors are bound to the installation's address",
  RecoveryCode: "second-factor recovery codes",
  WebAuthnChallenge: "second-factor sign-ins in progress",
  LoginAttempt: "sign-in throttling",
  MailMessage: "the outgoing mail queue (links in it are single-use)",
  TouchpointDaily: "daily counts the database keeps from touchpoints; a restore rebuilds them",
  StanceDaily: "daily counts the database keeps from stance changes; a restore rebuilds them",
};

/** Tables the export page lists as left out (the schema history and rebuilt counts say nothing to an admin). */
const REBUILT = new Set(["_prisma_migrations", "TouchpointDaily", "StanceDaily"]);
export const LEFT_OUT: readonly string[] = Object.keys(EXCLUDED).filter((t) => !REBUILT.has(t));

/** Columns left out: credentials, and the keyed hash that only means something under this installation's key. */
export const OMITTED: Record<string, readonly string[]> = {
  User: ["passwordHash", "sessionVersion", "totpSecret", "totpEnabledAt", "totpLastStep"],
  Case: ["employeeCodeHash"],
};

export interface Column {
  name: string;
  /** information_schema data_type, e.g. "timestamp without time zone", "ARRAY", "jsonb". */
  type: string;
}

export interface Table {
  name: string;
  columns: Column[];
  /** Primary key columns, in key order. */
  key: string[];
  /** How the team's rows are found: by teamId, the team itself, or the members (users). */
  scope: "teamId" | "team" | "users";
  /** Columns referring to another row of the same table (parents are inserted first, then linked). */
  selfRefs: string[];
  /** Columns referring to a user. */
  userRefs: string[];
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The team's tables in an order where every table comes after the tables it refers to, so a
 * restore inserts them as listed. Throws on a table that is neither the team's nor excluded.
 */
export async function teamTables(db: Raw): Promise<Table[]> {
  const [tables, columns, keys, refs] = await Promise.all([
    db.$queryRawUnsafe<{ table: string }[]>(
      `SELECT table_name::text AS "table" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    ),
    db.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(
      `SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "type" FROM information_schema.columns WHERE table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
    ),
    db.$queryRawUnsafe<{ table: string; column: string }[]>(
      `SELECT c.relname::text AS "table", a.attname::text AS "column"
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, pos)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
        WHERE k.contype = 'p' AND n.nspname = current_schema() ORDER BY c.relname, u.pos`,
    ),
    db.$queryRawUnsafe<{ table: string; column: string; target: string }[]>(
      `SELECT c.relname::text AS "table", a.attname::text AS "column", t.relname::text AS "target"
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
        WHERE k.contype = 'f' AND n.nspname = current_schema()`,
    ),
  ]);
  const found: Table[] = [];
  for (const { table } of tables) {
    if (table in EXCLUDED) continue;
    const omitted = OMITTED[table] ?? [];
    const cols = columns.filter((c) => c.table === table && !omitted.includes(c.column)).map((c) => ({ name: c.column, type: c.type }));
    const scope = table === "Team" ? "team" : table === "User" ? "users" : cols.some((c) => c.name === "teamId") ? "teamId" : null;
    if (!scope) throw new Error(`Table ${table} is neither the team's (no teamId) nor excluded from the team export`);
    const own = refs.filter((r) => r.table === table);
    found.push({
      name: table,
      columns: cols,
      key: keys.filter((k) => k.table === table).map((k) => k.column),
      scope,
      selfRefs: own.filter((r) => r.target === table).map((r) => r.column),
      userRefs: own.filter((r) => r.target === "User").map((r) => r.column),
    });
  }
  return dependencyOrder(found, refs);
}

function dependencyOrder(tables: Table[], refs: { table: string; target: string }[]): Table[] {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const ordered: Table[] = [];
  let rest = [...tables];
  while (rest.length) {
    const ready = rest.filter((t) =>
      refs.every((r) => r.table !== t.name || r.target === t.name || !names.has(r.target) || placed.has(r.target)),
    );
    if (!ready.length) throw new Error(`Tables refer to each other in a circle: ${rest.map((t) => t.name).join(", ")}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
    rest = rest.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

/** The newest migration applied: a restore needs the same schema as the export. */
export async function schemaVersion(db: Raw): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name::text AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? "";
}
