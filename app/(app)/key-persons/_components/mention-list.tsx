// Where a key person's name stands in other records: on the erase page (what will be redacted) and
// on his page beside the disclosure (what it will carry). Case records are counted, never shown.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export interface MentionItem {
  table: string;
  id: string;
  column: string;
  at: Date;
  excerpt: string | null;
  sealed: boolean;
}

export async function MentionList(props: {
  mentions: MentionItem[];
  /** Mentions in case records: counted, never shown. */
  sealed: number;
  title: string;
  intro: string;
  none: string;
  sealedNote: "sealed" | "withheld";
}) {
  const t = await getTranslations("mentions");
  const f = await getFormatter();
  const shown = props.mentions.filter((m) => !m.sealed);
  const sealed = props.sealed;
  return (
    <Card title={props.title}>
      <div className="space-y-2 text-sm" data-testid="mentions">
        <p className="text-stone-600">{shown.length || sealed ? props.intro : props.none}</p>
        {shown.length > 0 && (
          <ul className="space-y-2">
            {shown.map((m) => (
              <li key={`${m.table}-${m.id}-${m.column}`} className="rounded-md border border-stone-200 p-2">
                <p className="text-xs text-stone-500">{t("item", { where: t(`where.${m.table}`), date: f.dateTime(m.at, "short") })}</p>
                <p className="break-words text-stone-800">「{m.excerpt}」</p>
              </li>
            ))}
          </ul>
        )}
        {sealed > 0 && <p className="text-stone-600">{t(props.sealedNote, { count: sealed })}</p>}
      </div>
    </Card>
  );
}
