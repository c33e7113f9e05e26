// Which message namespaces each client subtree is given. Server components translate on the server
// and send only their text; client components need their strings in the page's payload, so every
// subtree's provider hands over only the namespaces its client components use (next-intl's
// "provide messages per subtree" pattern), never the whole catalog.
// tests/unit/client-namespaces.test.ts walks the import graph from each subtree's files and fails
// when a client component uses a namespace its subtree is not given (or one is given and unused).
import type ja from "@/messages/ja.json";

export type Namespace = keyof typeof ja;
/** A whole namespace, or one key of it ("errors.title") where a subtree uses only a few. */
export type MessageEntry = Namespace | `${Namespace}.${string}`;

export const CLIENT_NAMESPACES = {
  /**
   * The root layout gives none: a page's payload carries only its own area's strings, and the pages
   * only the root covers (not found, forbidden, the error page) translate on the server.
   */
  root: [],
  /** app/(auth)'s frame (the language switcher); each of its pages has its own below. */
  guest: ["locales", "nav.language"],
  "sign-in": ["auth", "validation"],
  "forgot-password": ["auth", "errors", "validation"],
  "reset-password": ["auth", "errors", "validation"],
  unlock: ["auth", "errors"],
  invite: ["auth", "errors", "invite", "validation"],
  /** A shared report or newsletter, opened by its link (the passcode form). */
  share: ["share", "validation"],
  /**
   * The signed-in shell (navigation, team switcher, error boundary) above every area. On every page,
   * so namespaces it uses for a key or two are given as those keys only.
   */
  shell: [
    "account.nav",
    "app.name",
    "app.skipToContent",
    "common",
    "errors.description",
    "errors.title",
    "errors.unavailableBody",
    "errors.unavailableRetry",
    "errors.unavailableTitle",
    "locales",
    "nav",
    "roles",
  ],
  home: ["errors", "home"],
  account: ["account", "auth", "common", "errors", "validation"],
  cases: [
    "caseKinds",
    "caseLifecycle",
    "caseStatuses",
    "cases",
    "common",
    "errors",
    "retention",
    "validation",
    // Another area's namespace is given as the keys this one uses (its whole would be kilobytes of
    // strings in every page of the area).
    "keyPersons.none",
    "touchpoints.noPeopleFound",
    "touchpoints.remove",
    "touchpoints.searchPeople",
  ],
  dashboard: ["validation"],
  departments: ["common", "departmentKinds", "departments", "errors", "pressureKinds", "stances", "validation"],
  import: ["errors", "importCsv", "keyPersons.externalId", "keyPersons.name", "validation"],
  initiatives: [
    "common",
    "errors",
    "initiativeKinds",
    "initiativeStages",
    "initiatives",
    "touchpoints.noPeopleFound",
    "touchpoints.remove",
    "touchpoints.searchPeople",
    "validation",
  ],
  surveys: ["common", "errors", "surveys", "validation"],
  newsletters: ["common", "errors", "newsletters", "reports.detail", "reports.share", "validation"],
  "key-persons": [
    "channels",
    "common",
    "departments",
    "errors",
    "keyPersonKinds",
    "keyPersons",
    "outward",
    "principles",
    "reasons",
    "retention",
    "stances",
    "touchpointTypes",
    "touchpoints",
    "validation",
    "valueKinds",
  ],
  map: [
    "common.loading",
    "common.selected",
    "errors",
    "keyPersonKinds",
    "linkTypes",
    "map",
    "stances",
    "touchpoints.noPeopleFound",
    "touchpoints.remove",
    "touchpoints.searchPeople",
    "validation",
  ],
  notifications: [],
  reports: ["common", "dashboard.sections", "errors", "reports", "validation"],
  requests: [
    "common",
    "errors",
    "frequencies",
    "home.overdue",
    "principles",
    "requestStatuses",
    "requests",
    "touchpoints.noPeopleFound",
    "touchpoints.remove",
    "touchpoints.searchPeople",
    "validation",
  ],
  reviews: ["errors", "keyPersonKinds", "linkTypes", "map", "outward", "reviews", "stances", "validation"],
  settings: ["accessReview", "common", "errors", "invitations", "members", "outbox", "retention", "roles", "settings", "sso", "validation"],
  touchpoints: [
    "common",
    "errors",
    "keyPersons.by",
    "keyPersons.edit",
    "keyPersons.followUpDone",
    "keyPersons.followUpDue",
    "outward",
    "principles",
    "touchpointTypes",
    "touchpoints",
    "validation",
  ],
} as const satisfies Record<string, readonly MessageEntry[]>;

export type ClientSubtree = keyof typeof CLIENT_NAMESPACES;

/** The messages of these namespaces and single keys only. */
export function pickMessages(all: Record<string, unknown>, entries: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const entry of entries) {
    const dot = entry.indexOf(".");
    if (dot < 0) {
      if (entry in all) picked[entry] = all[entry];
      continue;
    }
    const ns = entry.slice(0, dot);
    const key = entry.slice(dot + 1);
    const source = all[ns] as Record<string, unknown> | undefined;
    if (source && key in source) picked[ns] = { ...(picked[ns] as Record<string, unknown> | undefined), [key]: source[key] };
  }
  return picked;
}
