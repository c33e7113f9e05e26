import type { ReactNode } from "react";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/context";
import { orUnavailablePage } from "@/lib/auth/page-errors";
import { unreadCount } from "@/lib/reviews/notifications";
import { can } from "@/lib/auth/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppShell, type NavItem } from "./_components/app-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get("x-request-path") ?? "/";
  const ctx = await orUnavailablePage(requireUser(), path);
  const t = await getTranslations("nav");
  // Only areas that exist are listed: no dead links.
  const nav: NavItem[] = [
    { href: "/", label: t("home"), icon: "home" },
    ...(can(ctx.role, "keyPersons.read")
      ? [
          { href: "/key-persons", label: t("keyPersons"), icon: "users" as const },
          { href: "/map", label: t("map"), icon: "map" as const },
          { href: "/touchpoints", label: t("touchpoints"), icon: "chat" as const },
          { href: "/requests", label: t("requests"), icon: "send" as const },
          { href: "/initiatives", label: t("initiatives"), icon: "flag" as const },
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
        unread={await unreadCount(ctx)}
      >
        {children}
      </AppShell>
    </ClientMessages>
  );
}
