// Role → permission strings: the one place that says who may do what.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  // One's own account (password, devices, second factor): allowed even before a required second
  // factor is enrolled, so the member can enrol.
  "account.self",
  // What carries the team's records out of the app on her behalf (a calendar feed, the weekly
  // digest): her own, but closed until a required second factor is enrolled.
  "account.feeds",
  "home.read",
  "departments.read",
  "departments.write",
  "keyPersons.read",
  "keyPersons.write",
  "keyPersons.export",
  // Erasing a person for good (a request under the APPI, or a manager who left): admins only.
  "keyPersons.erase",
  // What the team holds about one person, for a disclosure request (開示): admins only.
  "keyPersons.disclose",
  // Logging touchpoints and writing requests; changing one's own. Changing a colleague's: `…editAny`.
  "touchpoints.write",
  "touchpoints.editAny",
  "requests.write",
  "requests.editAny",
  "initiatives.write",
  "cases.create",
  // Reading a case also needs assignment to it; admins read every case.
  "cases.readAssigned",
  // Recording on a case (its fields, assessments, a withdrawal): the same assignment rule as reading.
  "cases.writeAssigned",
  "cases.readAll",
  "cases.delete",
  // Erasing a case for good (the employee's request) and its disclosure (開示): admins only.
  "cases.erase",
  "cases.disclose",
  // Retention periods, legal holds and the purge list.
  "retention.manage",
  // The team's whole data as one zip (case data in the clear): admins only.
  "team.export",
  "dashboard.read",
  // Build, issue and export success reports (aggregates only); share links are share.manage.
  "reports.write",
  "reviews.readOwn",
  // The mentee's side of her own review: her reflection, comments, ticking off actions.
  "reviews.respondOwn",
  // Coaching: starting reviews and pinning comments for one's mentees (a mentor's assigned ones).
  "reviews.write",
  // Every member's map and reviews, not only assigned mentees': admins.
  "reviews.readAll",
  "members.read",
  "members.manage",
  "settings.manage",
  "audit.read",
  // Signing off the monthly access-log review: a write, so not under audit.read.
  "audit.signOff",
  "share.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const NURSE: Permission[] = [
  "account.self",
  "account.feeds",
  "home.read",
  "departments.read",
  "departments.write",
  "keyPersons.read",
  "keyPersons.write",
  "keyPersons.export",
  "touchpoints.write",
  "requests.write",
  "initiatives.write",
  "cases.create",
  "cases.readAssigned",
  "cases.writeAssigned",
  "dashboard.read",
  // Build, issue and export success reports (aggregates only); share links are share.manage.
  "reports.write",
  "reviews.readOwn",
  "reviews.respondOwn",
  "members.read",
];

const MENTOR: Permission[] = [...NURSE, "reviews.write"];

const ADMIN: Permission[] = [
  ...MENTOR,
  "touchpoints.editAny",
  "requests.editAny",
  "keyPersons.erase",
  "keyPersons.disclose",
  "cases.readAll",
  "cases.delete",
  "cases.erase",
  "cases.disclose",
  "retention.manage",
  "team.export",
  "members.manage",
  "settings.manage",
  "reviews.readAll",
  "audit.read",
  "audit.signOff",
  "share.manage",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(ADMIN),
  MENTOR: new Set(MENTOR),
  NURSE: new Set(NURSE),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Whether a member with this role coaches (may be made someone's mentor). */
export const coaches = (role: Role) => can(role, "reviews.write");

/**
 * "Her own record, or any record with the role's `…Any` permission": who may change a touchpoint, a
 * request or a commitment. Pages ask it to show an edit button; mutations to allow the edit.
 */
export function canChange(
  ctx: { role: Role; userId: string },
  record: { nurseId: string },
  anyPermission: Extract<Permission, `${string}.editAny`>,
): boolean {
  return record.nurseId === ctx.userId || can(ctx.role, anyPermission);
}
