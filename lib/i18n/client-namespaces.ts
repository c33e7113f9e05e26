// Which message namespaces each client subtree is given. Server components translate on the server
// and send only their text; client components need their strings in the page's payload, so every
// subtree's provider hands over only the namespaces its client components use (next-intl's
// "provide messages per subtree" pattern), never the whole catalog.
// tests/unit/client-namespaces.test.ts walks the import graph from each subtree's files and fails
// when a client component uses a namespace its subtree is not given (or one is given and unused).
import type ja from "@/messages/ja.json";

export type Namespace = keyof typeof ja;

export const CLIENT_NAMESPACES = {
  /** Root layout: sign-in, invitations, password pages, share pages, not-found. */
  public: ["auth", "errors", "invite", "locales", "nav", "share", "validation"],
  /** The signed-in shell (navigation, team switcher, error boundary) above every area. */
  shell: ["account", "app", "common", "errors", "locales", "nav", "roles"],
  home: ["errors", "home"],
  account: ["account", "auth", "common", "errors", "validation"],
  cases: [
    "caseKinds",
    "caseLifecycle",
    "caseStatuses",
    "cases",
    "common",
    "errors",
    "keyPersons",
    "retention",
    "touchpoints",
    "validation",
  ],
  dashboard: ["validation"],
  departments: ["common", "departmentKinds", "departments", "errors", "pressureKinds", "stances", "validation"],
  import: ["errors", "importCsv", "keyPersons", "validation"],
  initiatives: ["common", "errors", "initiativeKinds", "initiativeStages", "initiatives", "touchpoints", "validation"],
  surveys: ["common", "errors", "surveys", "validation"],
  newsletters: ["common", "errors", "newsletters", "reports", "validation"],
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
  map: ["errors", "keyPersonKinds", "linkTypes", "map", "stances", "validation"],
  notifications: [],
  reports: ["common", "dashboard", "errors", "reports", "validation"],
  requests: ["common", "errors", "frequencies", "home", "principles", "requestStatuses", "requests", "touchpoints", "validation"],
  reviews: ["errors", "keyPersonKinds", "linkTypes", "map", "outward", "reviews", "stances", "validation"],
  settings: ["accessReview", "common", "errors", "invitations", "members", "outbox", "retention", "roles", "settings", "sso", "validation"],
  touchpoints: ["common", "errors", "keyPersons", "outward", "principles", "touchpointTypes", "touchpoints", "validation"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientSubtree = keyof typeof CLIENT_NAMESPACES;

/** The messages of `namespaces` only. */
export function pickMessages(all: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]]));
}
