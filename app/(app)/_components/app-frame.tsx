import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { TeamCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppShell, type NavItem } from "./app-shell";

/**
 * The signed-in frame around every page: navigation by role, the team switcher, the bell. A member
 * who must first enrol a second factor gets it without navigation (only the enrolment page, under
 * app/(enrol), renders for her; every (app) page's layout sends her there).
 */
export async function AppFrame({ ctx, children }: { ctx: TeamCtx; children: ReactNode }) {
  const t = await getTranslations("nav");
  const enrolling = ctx.mustEnrollTwoFactor;
  // Only areas that exist are listed: no dead links.
  const nav: NavItem[] = enrolling
    ? []
    : [
        { href: "/", label: t("home"), icon: "home" },
        ...(can(ctx.role, "keyPersons.read")
          ? [
              { href: "/key-persons", label: t("keyPersons"), icon: "users" as const },
              { href: "/map", label: t("map"), icon: "map" as const },
              { href: "/touchpoints", label: t("touchpoints"), icon: "chat" as const },
              { href: "/requests", label: t("requests"), icon: "send" as const },
              { href: "/initiatives", label: t("initiatives"), icon: "flag" as const },
              { href: "/newsletters", label: t("newsletters"), icon: "report" as const },
              { href: "/cases", label: t("cases"), icon: "folder" as const },
              { href: "/departments", label: t("departments"), icon: "building" as const },
            ]
          : []),
        ...(can(ctx.role, "dashboard.read")
          ? [
              { href: "/dashboard", label: t("dashboard"), icon: "chart" as const },
              { href: "/reports", label: t("reports"), icon: "report" as const },
            ]
          : []),
        ...(can(ctx.role, "reviews.readOwn") ? [{ href: "/reviews", label: t("reviews"), icon: "review" as const }] : []),
        ...(can(ctx.role, "members.read") ? [{ href: "/settings", label: t("settings"), icon: "settings" as const }] : []),
      ];
  // The shell's client components get the shell's namespaces; each area's layout gives its own.
  return (
    <ClientMessages subtree="shell">
      <AppShell
        nav={nav}
        user={{ name: ctx.user.name, email: ctx.user.email, locale: ctx.user.locale }}
        teams={ctx.teams}
        currentTeamId={ctx.teamId}
        role={ctx.role}
        unread={enrolling ? 0 : ctx.unreadNotifications}
        enrolling={enrolling}
      >
        {children}
      </AppShell>
    </ClientMessages>
  );
}
