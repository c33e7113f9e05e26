// The disclosure (開示) of an employee's case record as an A4 PDF in Japanese (lib/export/record-pdf.tsx).
import { renderToBuffer, Text } from "@react-pdf/renderer";
import { calendarDate } from "@/lib/dates";
import { FieldRows, RecordDocument, RecordSection, recordStyles as s, tokyoDate } from "@/lib/export/record-pdf";
import { translatorFor } from "@/lib/i18n/translator";
import { registerFonts } from "@/lib/export/pdf-fonts";
import type { CaseDisclosure } from "./disclosure";

function CaseDisclosureDocument({ d }: { d: CaseDisclosure }) {
  const t = translatorFor("ja");
  const c = d.case;
  const or = (v: string | null | undefined) => (v ? v : "—");
  const date = (v: string | null) => (v ? calendarDate(v) : "—");
  const yn = (v: boolean | null) => (v === null ? t("cases.unknown") : v ? t("cases.yes") : t("cases.no"));
  const none = t("disclosure.none");
  const title = c.employeeName
    ? t("caseDisclosure.titleName", { who: c.employeeName })
    : t("caseDisclosure.titleCode", { who: c.employeeCode });
  const fields: [string, string][] = [
    [t("cases.code"), c.employeeCode],
    ...(c.employeeName ? [[t("cases.name"), c.employeeName] as [string, string]] : []),
    [t("cases.kind"), t(`caseKinds.${c.kind}`)],
    [t("cases.status"), t(`caseStatuses.${c.status}`)],
    [t("cases.department"), or(c.department)],
    [t("cases.nurses"), c.nurses.join("、") || "—"],
    [t("cases.openedOn"), date(c.openedOn)],
    [t("caseDisclosure.closedOn"), date(c.closedOn)],
    [t("cases.returnOn"), date(c.returnOn)],
    [t("cases.continued3m"), yn(c.continued3m)],
    [t("cases.continued6m"), yn(c.continued6m)],
    [t("cases.followUpPlan"), or(c.followUpPlan)],
    [t("cases.nextFollowUpOn"), date(c.nextFollowUpOn)],
    [t("caseDisclosure.keyPersonsInvolved"), t("caseDisclosure.people", { count: c.keyPersonsInvolved })],
    ...(c.withdrawnAt
      ? [
          [
            t("caseDisclosure.withdrawnAt"),
            `${tokyoDate(c.withdrawnAt)}（${t(`caseLifecycle.keepReasons.${c.keepReason ?? "LEGAL_RECORD"}`)}）`,
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <RecordDocument
      title={title}
      intro={t("caseDisclosure.intro", { team: d.team, date: tokyoDate(d.generatedAt, true) })}
      team={d.team}
      footnote={t("disclosure.footnote")}
    >
      <FieldRows title={t("disclosure.record")} fields={fields} />
      <FieldRows
        title={t("caseDisclosure.consent")}
        fields={[
          [t("cases.consentOn"), date(d.consent.on)],
          [t("cases.consentScope"), or(d.consent.scope)],
          [t("cases.consentMethod"), or(d.consent.method)],
        ]}
      />
      <RecordSection
        title={t("cases.assessments")}
        none={none}
        items={d.assessments}
        render={(a) => (
          <>
            <Text>
              {calendarDate(a.on)}　{a.level}
            </Text>
            {a.note ? <Text style={s.small}>{a.note}</Text> : null}
          </>
        )}
      />
      <RecordSection
        title={t("caseDisclosure.touchpoints")}
        none={none}
        items={d.touchpoints}
        render={(tp) => (
          <>
            <Text>
              {tokyoDate(tp.at)}　{t(`touchpointTypes.${tp.type}`)}（{tp.nurse}）　
              {t("caseDisclosure.peoplePresent", { count: tp.peoplePresent })}
            </Text>
            {tp.summary ? <Text style={s.small}>{tp.summary}</Text> : null}
          </>
        )}
      />
      <RecordSection
        title={t("caseDisclosure.requests")}
        none={none}
        items={d.requests}
        render={(r) => (
          <>
            <Text>
              {r.what}（{t(`requestStatuses.${r.status}`)}・{r.nurse}）
            </Text>
            {[
              r.reason && `${t("requests.reason")}：${r.reason}`,
              r.benefit && `${t("requests.benefit")}：${r.benefit}`,
              r.nurseSupport && `${t("requests.nurseSupport")}：${r.nurseSupport}`,
              r.dueOn && `${t("requests.dueOn")}：${calendarDate(r.dueOn)}`,
            ]
              .filter(Boolean)
              .map((line, j) => (
                <Text key={j} style={s.small}>
                  {line as string}
                </Text>
              ))}
          </>
        )}
      />
    </RecordDocument>
  );
}

export async function renderCaseDisclosurePdf(d: CaseDisclosure): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<CaseDisclosureDocument d={d} />);
}
