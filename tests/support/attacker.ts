// The attacker of the disclosure tests, written independently of lib/reports: it reads what a manager
// holds (every issued report as published, plus the department tree and the report definitions, which
// are no secret), turns each shown figure into equations over the cells it knows exist, and asks an LP
// (HiGHS' one-shot text interface, a different code path from the app's) how far each hidden figure
// can move. A hidden figure of a sensitive group (a count below k) narrower than k is a disclosure;
// so is one narrower than the layout alone leaves it (DISCLOSURE.md, "What the layout tells"). The test harness supplies the truth only
// to decide which hidden groups hold anyone.
import loadHighs from "highs";
import type { ReportData } from "@/lib/reports/types";
import ja from "@/messages/ja.json";

export interface AttackDept {
  id: string;
  name: string;
  parentId: string | null;
}

export interface Release {
  data: ReportData;
  /** Root department ids of the report's scope; empty for the whole company. */
  scope: string[];
}

/** One case as the harness made it. */
export interface TrueCase {
  dep: string | null;
  kind: string;
  /** Quarter start (YYYY-MM-DD) of the last assessment, for improvement. */
  assessedQ?: string;
  improved?: boolean;
  /** Quarter start of the return to work. */
  returnQ?: string;
  c3?: boolean | null;
  c6?: boolean | null;
}

type Lin = Map<string, number>;
interface Group {
  what: string;
  /** Quantities of the group: each a linear form over variables. */
  quantities: { name: string; form: Lin; truth: number }[];
  size: number;
}

const KIND_OF_LABEL = new Map(Object.entries(ja.caseKinds).map(([k, v]) => [v, k]));

function quarterOfLabel(label: string): string | undefined {
  const m = /^(\d{4})年(\d{1,2})–(\d{1,2})月$/.exec(label);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-01` : undefined;
}

/** The closed quarters a release covers, from its methods note (public: every reader has it). */
function quartersOfNotes(notes: string[]): string[] {
  for (const n of notes) {
    const m = /（(\d{4})年(\d{1,2})月〜(\d{4})年(\d{1,2})月）/.exec(n);
    if (!m) continue;
    const out: string[] = [];
    for (let y = Number(m[1]), mo = Number(m[2]); y * 12 + mo <= Number(m[3]) * 12 + Number(m[4]); mo += 3) {
      if (mo > 12) {
        mo -= 12;
        y += 1;
      }
      out.push(`${y}-${String(mo).padStart(2, "0")}-01`);
    }
    return out;
  }
  return [];
}

/** Quarters of a fiscal half-year label ("2026年度上期"), within the release's quarters. */
function halfOfLabel(label: string, within: string[]): string[] | undefined {
  const m = /^(\d{4})年度(上|下)期$/.exec(label);
  if (!m) return undefined;
  const fy = Number(m[1]);
  const months =
    m[2] === "上"
      ? [
          [fy, 4],
          [fy, 7],
        ]
      : [
          [fy, 10],
          [fy + 1, 1],
        ];
  const qs = months.map(([y, mo]) => `${y}-${String(mo).padStart(2, "0")}-01`);
  return within.filter((q) => qs.includes(q));
}

const OTHER_DEPTS = new RegExp(`^${ja.dashboard.otherDepartments.replace("{count}", "\\d+").replace(/[（）]/g, (c) => `\\${c}`)}$`);
const OTHER_KINDS = new RegExp(`^${ja.dashboard.otherKinds.replace("{count}", "\\d+").replace(/[（）]/g, (c) => `\\${c}`)}$`);
const RETURN_COLUMNS = new Map<string, [string, string | null]>([
  [ja.dashboard.returnToWork.returns, ["r", null]],
  [ja.dashboard.returnToWork.continued3m, ["k3", "c3"]],
  [ja.dashboard.returnToWork.continued6m, ["k6", "c6"]],
  [ja.dashboard.returnToWork.releave, ["k3", "rl"]],
]);

export async function attack(depts: AttackDept[], releases: Release[], truth: TrueCase[], k: number) {
  const highs = await loadHighs();
  const depKeys = [...depts.map((d) => d.id), "-"];
  const byName = new Map(depts.map((d) => [d.name, d]));
  const subtree = (id: string): string[] => [id, ...depts.filter((d) => d.parentId === id).flatMap((d) => subtree(d.id))];
  const quarters = new Set<string>();
  const kinds = Object.keys(ja.caseKinds);

  // Improvement: n_{d,k,q}, h_{d,k,q}. Returns: r, k3, c3, rl, k6, c6 per (d, q).
  const impVar = (v: "n" | "h", d: string, kind: string, q: string) => `${v}_${d}_${kind}_${q}`.replace(/-/g, "_");
  const retVar = (v: string, d: string, q: string) => `${v}_${d}_${q}`.replace(/-/g, "_");
  const eqs: { sys: "imp" | "ret"; form: Lin; value: number }[] = [];
  // What the layout tells (DISCLOSURE.md): the attacker knows the grouping rule. A row printed on its
  // own passed it; the members of 「その他（n部署）」 (n ≥ 3), a parent printed without its children
  // and a missing 「部署未設定」 row failed it. For a rate, failing is "n, hits or misses < k": no
  // linear fact, so only the returns count's failures are used.
  const facts: { sys: "imp" | "ret"; form: Lin; op: ">=" | "<="; value: number }[] = [];
  const folded: { sys: "imp" | "ret"; deps: Set<string>; what: string }[] = [];
  const hidden: { sys: "imp" | "ret"; group: Group }[] = [];

  const truthImp = (deps: Set<string>, qs: Set<string>, ks: Set<string>) => {
    const inG = truth.filter((c) => c.assessedQ && deps.has(c.dep ?? "-") && qs.has(c.assessedQ) && ks.has(c.kind));
    return { n: inG.length, h: inG.filter((c) => c.improved).length };
  };
  /** Size, improved and not improved of a group, as linear forms. */
  const impForms = (deps: Set<string>, ks: Set<string>, qs: Set<string>) => {
    const n: Lin = new Map();
    const h: Lin = new Map();
    for (const dd of deps)
      for (const kind of ks)
        for (const qq of qs) {
          n.set(impVar("n", dd, kind, qq), 1);
          h.set(impVar("h", dd, kind, qq), 1);
        }
    return { n, h, miss: new Map([...n, ...[...h].map(([v]) => [v, -1] as [string, number])]) };
  };
  /** A hidden improvement group with its three quantities. */
  const impGroup = (what: string, deps: Set<string>, ks: Set<string>, qs: Set<string>) => {
    const { n, h, miss } = impForms(deps, ks, qs);
    const tr = truthImp(deps, qs, ks);
    return {
      sys: "imp" as const,
      group: {
        what,
        size: tr.n,
        quantities: [
          { name: "n", form: n, truth: tr.n },
          { name: "improved", form: h, truth: tr.h },
          { name: "not improved", form: miss, truth: tr.n - tr.h },
        ],
      },
    };
  };
  const truthRet = (deps: Set<string>, qs: Set<string>) => {
    const inG = truth.filter((c) => c.returnQ && deps.has(c.dep ?? "-") && qs.has(c.returnQ));
    return {
      r: inG.length,
      k3: inG.filter((c) => c.c3 !== null && c.c3 !== undefined).length,
      c3: inG.filter((c) => c.c3 === true).length,
      rl: inG.filter((c) => c.c3 === false || c.c6 === false).length,
      k6: inG.filter((c) => c.c6 !== null && c.c6 !== undefined).length,
      c6: inG.filter((c) => c.c6 === true).length,
    };
  };

  for (const { data, scope } of releases) {
    const scopeDeps = scope.length ? new Set(scope.flatMap(subtree)) : new Set(depKeys);
    for (const section of data.sections) {
      if (section.id !== "improvement" && section.id !== "returnToWork") continue;
      const relQuarters = quartersOfNotes(data.notes);
      relQuarters.forEach((q) => quarters.add(q));
      for (const table of section.tables) {
        const sys = section.id === "improvement" ? "imp" : "ret";
        const retForm = (deps: Set<string>) => {
          const f: Lin = new Map();
          for (const dd of deps) for (const qq of relQuarters) f.set(retVar("r", dd, qq), 1);
          return f;
        };
        const passed = (deps: Set<string>, ks = new Set(kinds)) => {
          if (sys === "ret") return void facts.push({ sys, form: retForm(deps), op: ">=", value: k });
          const { n, h, miss } = impForms(deps, ks, new Set(relQuarters));
          for (const form of [n, h, miss]) facts.push({ sys, form, op: ">=", value: k });
        };
        const failed = (deps: Set<string>) => {
          if (sys === "ret") facts.push({ sys, form: retForm(deps), op: "<=", value: k - 1 });
        };
        if (table.id.endsWith("byDepartment")) {
          table.rows.forEach((row, at) => {
            const depth = row.depth ?? 0;
            const dept = byName.get(row.label);
            if (row.label === ja.dashboard.noDepartment) passed(new Set(["-"]));
            else if (OTHER_DEPTS.test(row.label)) {
              let p = at - 1;
              while (p >= 0 && (table.rows[p]!.depth ?? 0) !== depth - 1) p--;
              const parent = byName.get(table.rows[p]!.label)!;
              const listed = new Set(table.rows.filter((r, i) => i > p && i < at && (r.depth ?? 0) === depth).map((r) => r.label));
              const members = depts.filter((x) => x.parentId === parent.id && !listed.has(x.name));
              if (members.length >= 3) for (const m of members) failed(new Set(subtree(m.id)));
              // Each folded department is a hidden group of its own.
              for (const m of members) folded.push({ sys, deps: new Set(subtree(m.id)), what: `${data.title}/${table.id}/${m.name}` });
            } else if (dept) {
              if (depth > 0) passed(new Set(subtree(dept.id)));
              const children = depts.filter((x) => x.parentId === dept.id);
              const next = table.rows[at + 1];
              if (depth < 3 && children.length && (!next || (next.depth ?? 0) <= depth))
                for (const ch of children) failed(new Set(subtree(ch.id)));
            }
          });
          if (!scope.length && !table.rows.some((r) => r.label === ja.dashboard.noDepartment) && table.rows.length) failed(new Set(["-"]));
        }
        if (table.id === "improvement.byKind" && table.rows.some((r) => OTHER_KINDS.test(r.label)))
          for (const row of table.rows) if (KIND_OF_LABEL.has(row.label)) passed(scopeDeps, new Set([KIND_OF_LABEL.get(row.label)!]));
        table.rows.forEach((row, at) => {
          let deps = scopeDeps;
          let qs = new Set(relQuarters);
          let ks = new Set(kinds);
          const q = quarterOfLabel(row.label);
          const half = halfOfLabel(row.label, relQuarters);
          if (row.total) {
            // the whole scope
          } else if (q) qs = new Set([q]);
          else if (half) qs = new Set(half);
          else if (KIND_OF_LABEL.has(row.label)) ks = new Set([KIND_OF_LABEL.get(row.label)!]);
          else if (OTHER_KINDS.test(row.label))
            ks = new Set(kinds.filter((kind) => !table.rows.some((r) => KIND_OF_LABEL.get(r.label) === kind)));
          else if (row.label === ja.dashboard.noDepartment) deps = new Set(["-"]);
          else if (OTHER_DEPTS.test(row.label)) {
            // The parent is the nearest row above one level up; "other" is its children not listed.
            const depth = row.depth ?? 0;
            let p = at - 1;
            while (p >= 0 && (table.rows[p]!.depth ?? 0) !== depth - 1) p--;
            const parent = byName.get(table.rows[p]!.label)!;
            const listed = new Set(table.rows.filter((r, i) => i > p && i < at && (r.depth ?? 0) === depth).map((r) => r.label));
            deps = new Set(depts.filter((d) => d.parentId === parent.id && !listed.has(d.name)).flatMap((d) => subtree(d.id)));
          } else if (byName.has(row.label)) deps = new Set(subtree(byName.get(row.label)!.id));
          else throw new Error(`attacker cannot place row ${row.label}`);
          if (section.id === "improvement") {
            const fig = row.cells[0]!;
            if (fig.t === "rate" && fig.n !== null) {
              const { n, h } = impForms(deps, ks, qs);
              eqs.push({ sys: "imp", form: n, value: fig.n }, { sys: "imp", form: h, value: fig.hits! });
            } else hidden.push(impGroup(`${data.title}/${table.id}/${row.label}`, deps, ks, qs));
          } else {
            const formOf = (v: string) => {
              const f: Lin = new Map();
              for (const d of deps) for (const qq of qs) f.set(retVar(v, d, qq), 1);
              return f;
            };
            const tr = truthRet(deps, qs);
            row.cells.forEach((fig, i) => {
              const [nv, hv] = RETURN_COLUMNS.get(table.columns[i]!)!;
              if (fig.t === "count" && fig.n !== null) eqs.push({ sys: "ret", form: formOf(nv), value: fig.n });
              else if (fig.t === "rate" && fig.n !== null)
                eqs.push({ sys: "ret", form: formOf(nv), value: fig.n }, { sys: "ret", form: formOf(hv!), value: fig.hits! });
              else {
                const n = tr[nv as keyof typeof tr];
                const quantities = [{ name: nv, form: formOf(nv), truth: n }];
                if (hv) {
                  const h = tr[hv as keyof typeof tr];
                  const comp: Lin = new Map([...formOf(nv), ...[...formOf(hv)].map(([v]) => [v, -1] as [string, number])]);
                  quantities.push({ name: hv, form: formOf(hv), truth: h }, { name: `${nv}-${hv}`, form: comp, truth: n - h });
                }
                hidden.push({
                  sys: "ret",
                  group: { what: `${data.title}/${table.id}/${row.label}/${nv}${hv ? `/${hv}` : ""}`, size: n, quantities },
                });
              }
            });
          }
        });
      }
    }
  }

  for (const f of folded) {
    const qs = new Set(quarters);
    if (f.sys === "imp") {
      hidden.push(impGroup(f.what, f.deps, new Set(kinds), qs));
    } else {
      const r: Lin = new Map();
      for (const dd of f.deps) for (const q of qs) r.set(retVar("r", dd, q), 1);
      const tr = truthRet(f.deps, qs);
      hidden.push({ sys: "ret", group: { what: f.what, size: tr.r, quantities: [{ name: "r", form: r, truth: tr.r }] } });
    }
  }

  // Small non-empty inner cells are targets too.
  for (const d of depKeys)
    for (const q of quarters) {
      for (const kind of kinds) {
        const tr = truthImp(new Set([d]), new Set([q]), new Set([kind]));
        const [nv, hv] = [impVar("n", d, kind, q), impVar("h", d, kind, q)];
        if (tr.n > 0 && tr.n < k)
          hidden.push({
            sys: "imp",
            group: {
              what: `cell ${d}/${kind}/${q}`,
              size: tr.n,
              quantities: [
                { name: "n", form: new Map([[nv, 1]]), truth: tr.n },
                { name: "improved", form: new Map([[hv, 1]]), truth: tr.h },
                {
                  name: "not improved",
                  form: new Map([
                    [nv, 1],
                    [hv, -1],
                  ]),
                  truth: tr.n - tr.h,
                },
              ],
            },
          });
      }
      const tr = truthRet(new Set([d]), new Set([q]));
      if (tr.r > 0 && tr.r < k)
        hidden.push({
          sys: "ret",
          group: { what: `cell ${d}/${q}`, size: tr.r, quantities: [{ name: "r", form: new Map([[retVar("r", d, q), 1]]), truth: tr.r }] },
        });
    }

  // Variables and their order constraints.
  const order: Record<"imp" | "ret", string[]> = { imp: [], ret: [] };
  for (const d of depKeys)
    for (const q of quarters) {
      for (const kind of kinds) order.imp.push(`${impVar("h", d, kind, q)} - ${impVar("n", d, kind, q)} <= 0`);
      const v = (x: string) => retVar(x, d, q);
      order.ret.push(
        `${v("c3")} - ${v("k3")} <= 0`,
        `${v("rl")} - ${v("k3")} <= 0`,
        `${v("k3")} - ${v("r")} <= 0`,
        `${v("c6")} - ${v("k6")} <= 0`,
        `${v("k6")} - ${v("r")} <= 0`,
      );
    }
  const text = (form: Lin) =>
    [...form].map(([v, c], i) => `${c < 0 ? "-" : i ? "+" : ""} ${Math.abs(c) === 1 ? "" : Math.abs(c)} ${v}`).join(" ");
  const range = (sys: "imp" | "ret", form: Lin, withFigures = true) => {
    const constraints = [
      ...(withFigures ? eqs.filter((e) => e.sys === sys).map((e, i) => ` e${i}: ${text(e.form)} = ${e.value}`) : []),
      ...facts.filter((f) => f.sys === sys).map((f, i) => ` l${i}: ${text(f.form)} ${f.op} ${f.value}`),
      ...order[sys].map((o, i) => ` o${i}: ${o}`),
    ].join("\n");
    const solve = (sense: "Maximize" | "Minimize") => {
      const r = highs.solve(`${sense}\n obj: ${text(form)}\nSubject To\n${constraints}\nEnd`, { output_flag: false });
      if (r.Status === "Unbounded") return sense === "Maximize" ? Infinity : -Infinity;
      if (r.Status !== "Optimal") throw new Error(`attacker LP: ${r.Status}`);
      return r.ObjectiveValue;
    };
    return { lo: solve("Minimize"), hi: solve("Maximize") };
  };

  const disclosures: string[] = [];
  const seen = new Set<string>();
  for (const { sys, group } of hidden) {
    // A sensitive group: one with a count below k (an empty group's size is one). A group whose every
    // count is k or more could have been published as it is.
    if (!group.quantities.some((qn) => qn.truth < k)) continue;
    for (const qn of group.size > 0 ? group.quantities : group.quantities.slice(0, 1)) {
      const key = `${sys}:${[...qn.form]
        .map(([v, c]) => `${c}${v}`)
        .sort()
        .join("+")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { lo, hi } = range(sys, qn.form);
      if (hi - lo >= k - 1e-6) continue;
      // A group the layout itself says is small ("その他" member: fewer than k) lies in [0, k - 1]
      // before any figure is read: the figures must not narrow it further than that.
      const before = range(sys, qn.form, false);
      if (hi - lo < Math.min(k, before.hi - before.lo) - 1e-6)
        disclosures.push(`${group.what} ${qn.name}: [${lo.toFixed(2)}, ${hi.toFixed(2)}] (true ${qn.truth})`);
    }
  }
  return { disclosures, equations: eqs.length, targets: seen.size };
}
