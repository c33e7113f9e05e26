"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { signOutDevice, signOutOtherDevices } from "../actions";

interface Row {
  id: string;
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function SessionsList({ sessions }: { sessions: Row[] }) {
  const t = useTranslations("account");
  const f = useFormatter();
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  const others = sessions.filter((s) => !s.current);
  const when = (iso: string) => f.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" });

  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600">{t("sessionsHint")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ul className="divide-y divide-stone-100" data-testid="sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0 text-sm">
              <p className="font-medium">
                {s.device ?? t("unknownDevice")} {s.current && <Badge tone="green">{t("thisDevice")}</Badge>}
              </p>
              <p className="text-xs text-stone-600">
                {t("address")}: {s.ip ?? t("unknownAddress")} · {t("signedInAt")}: {when(s.createdAt)} · {t("lastSeen")}:{" "}
                {when(s.lastSeenAt)}
              </p>
            </div>
            {!s.current && (
              <Button
                type="button"
                variant="secondary"
                disabled={pending}
                onClick={() => {
                  if (!window.confirm(t("endSessionConfirm"))) return;
                  run(() => signOutDevice({ sessionId: s.id }), { text: t("ended"), then: () => router.refresh() });
                }}
              >
                {t("endSession")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others.length === 0 ? (
        <p className="text-sm text-stone-600">{t("noOthers")}</p>
      ) : (
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t("endOthersConfirm"))) return;
            run(() => signOutOtherDevices({}), { text: t("endedOthers", { count: others.length }), then: () => router.refresh() });
          }}
        >
          {t("endOthers")}
        </Button>
      )}
    </div>
  );
}
