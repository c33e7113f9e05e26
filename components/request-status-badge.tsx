import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { isAccepted } from "@/lib/requests/accepted";

/** Green once he said yes (to the request or its fallback), red when he declined, grey while open. */
export function requestStatusTone(status: string): "green" | "red" | "stone" {
  return isAccepted(status) ? "green" : status.includes("DECLINED") ? "red" : "stone";
}

/** A request's status as every list and page shows it. */
export function RequestStatusBadge({ status }: { status: string }) {
  const t = useTranslations("requestStatuses");
  return <Badge tone={requestStatusTone(status)}>{t(status)}</Badge>;
}
