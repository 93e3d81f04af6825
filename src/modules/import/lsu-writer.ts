import { LSU_NAMESPACE } from "./lsu-schema";

/**
 * Writes LSU import files in the official format from a plain description: the demo file, the files the
 * tests import and the bench's 600-pupil collège. Element order and attribute names follow the schemas.
 */

const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const attrs = (values: Record<string, string | number | boolean | null | undefined>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join("");

class Out {
  private parts: string[] = [];
  private depth = 0;
  open(name: string, a: Record<string, string | number | boolean | null | undefined> = {}) {
    this.parts.push(`${"  ".repeat(this.depth)}<${name}${attrs(a)}>\n`);
    this.depth++;
  }
  close(name: string) {
    this.depth--;
    this.parts.push(`${"  ".repeat(this.depth)}</${name}>\n`);
  }
  empty(name: string, a: Record<string, string | number | boolean | null | undefined> = {}) {
    this.parts.push(`${"  ".repeat(this.depth)}<${name}${attrs(a)}/>\n`);
  }
  text(name: string, value: string, a: Record<string, string | number | boolean | null | undefined> = {}) {
    this.parts.push(`${"  ".repeat(this.depth)}<${name}${attrs(a)}>${escape(value)}</${name}>\n`);
  }
  toString() {
    return this.parts.join("");
  }
}

export interface Lsu2dSpec {
  schemaVersion?: string;
  editor?: string;
  application?: string;
  applicationVersion?: string;
  uai: string;
  year: number;
  periodCount: number;
  head: string;
  disciplines: Array<{ code: string; label: string }>;
  teachers: Array<{ stsId: number; civility: "M" | "MME"; surname: string; firstName: string }>;
  pupils: Array<{ idBe: number; surname: string; firstName: string; division: string }>;
  /** Periodic reports: pupil index, period index (1-based). */
  reports: Array<{
    pupil: number;
    period: number;
    lockedAt?: string;
    synthesis: string;
    /** `teachers` names several teachers on the entry instead of `teacher`. */
    entries: Array<{ discipline: number; teacher: number; teachers?: number[]; positioning?: number; average?: string; classAverage?: string; appreciation?: string; elements?: string[] }>;
    parcours?: Array<{ code: string; text: string }>;
    supportMeasures?: Array<{ code: string; details?: string }>;
    schoolLife: { late: number; justified: number; unjustified: number; comment?: string };
    digitalSkills?: { appreciation?: string; levels: Array<{ code: string; level: number }> };
  }>;
  cycleReports?: Array<{
    pupil: number;
    cycle: 3 | 4;
    lockedAt?: string;
    components: Array<{ code: string; level: number }>;
    synthesis: string;
    complementaryTeaching?: { code: string; level?: number };
  }>;
}

export function writeLsu2d(spec: Lsu2dSpec): string {
  const out = new Out();
  const elementIds = new Map<string, string>();
  for (const report of spec.reports) {
    for (const entry of report.entries) for (const label of entry.elements ?? []) if (!elementIds.has(label)) elementIds.set(label, `EP_${elementIds.size + 1}`);
  }
  out.open("lsun-bilans", { xmlns: LSU_NAMESPACE, schemaVersion: spec.schemaVersion ?? "7.0" });
  out.open("entete");
  out.text("editeur", spec.editor ?? "Livret");
  out.text("application", spec.application ?? "Livret générateur");
  if (spec.applicationVersion !== undefined) out.text("appliVersion", spec.applicationVersion);
  out.text("etablissement", spec.uai);
  out.close("entete");
  out.open("donnees");
  out.open("responsables-etab");
  out.empty("responsable-etab", { id: "RESP_1", libelle: spec.head });
  out.close("responsables-etab");
  out.open("eleves");
  spec.pupils.forEach((p, i) => out.empty("eleve", { id: `EL_${i + 1}`, "id-be": p.idBe, nom: p.surname, prenom: p.firstName, "code-division": p.division }));
  out.close("eleves");
  out.open("periodes");
  for (let i = 1; i <= spec.periodCount; i++) out.empty("periode", { id: `P_${i}`, millesime: spec.year, indice: i, "nb-periodes": spec.periodCount });
  out.close("periodes");
  out.open("disciplines");
  spec.disciplines.forEach((d, i) => out.empty("discipline", { id: `DI_${i + 1}`, code: d.code, "modalite-election": "S", libelle: d.label }));
  out.close("disciplines");
  out.open("enseignants");
  spec.teachers.forEach((t, i) => out.empty("enseignant", { id: `ENS_${i + 1}`, type: "epp", "id-sts": t.stsId, civilite: t.civility, nom: t.surname, prenom: t.firstName }));
  out.close("enseignants");
  if (elementIds.size) {
    out.open("elements-programme");
    for (const [label, id] of elementIds) out.empty("element-programme", { id, libelle: label });
    out.close("elements-programme");
  }
  if (spec.reports.length) {
    out.open("bilans-periodiques");
    for (const r of spec.reports) {
      const date = `${spec.year + (r.period > 1 ? 1 : 0)}-0${r.period > 1 ? 3 : 1}-15`;
      out.open("bilan-periodique", {
        "eleve-ref": `EL_${r.pupil + 1}`,
        "periode-ref": `P_${r.period}`,
        "date-conseil-classe": date,
        "date-scolarite": `${spec.year}-09-01`,
        "date-verrou": r.lockedAt,
        "responsable-etab-ref": "RESP_1",
      });
      out.open("liste-acquis");
      for (const e of r.entries) {
        const refs = (e.elements ?? []).map((label) => elementIds.get(label)).join(" ");
        const tag = {
          "discipline-ref": `DI_${e.discipline + 1}`,
          "enseignant-refs": (e.teachers ?? [e.teacher]).map((t) => `ENS_${t + 1}`).join(" "),
          "element-programme-refs": refs || undefined,
          "moyenne-eleve": e.average,
          "moyenne-structure": e.classAverage,
          positionnement: e.positioning,
        };
        if (e.appreciation) {
          out.open("acquis", tag);
          out.text("appreciation", e.appreciation);
          out.close("acquis");
        } else out.empty("acquis", tag);
      }
      out.close("liste-acquis");
      if (r.digitalSkills) {
        out.open("competences-numeriques");
        if (r.digitalSkills.appreciation) out.text("appreciation-num", r.digitalSkills.appreciation);
        for (const l of r.digitalSkills.levels) out.empty("competence-num", { code: l.code, niveau: l.level });
        out.close("competences-numeriques");
      }
      if (r.parcours?.length) {
        out.open("liste-parcours");
        for (const p of r.parcours) out.text("parcours", p.text, { code: p.code });
        out.close("liste-parcours");
      }
      if (r.supportMeasures?.length) {
        out.open("modalites-accompagnement");
        for (const m of r.supportMeasures) {
          if (m.details && m.code === "PPRE") {
            out.open("modalite-accompagnement", { code: m.code });
            out.text("complement-ppre", m.details);
            out.close("modalite-accompagnement");
          } else out.empty("modalite-accompagnement", { code: m.code });
        }
        out.close("modalites-accompagnement");
      }
      out.text("acquis-conseils", r.synthesis);
      const life = { "nb-retards": r.schoolLife.late, "nb-abs-justifiees": r.schoolLife.justified, "nb-abs-injustifiees": r.schoolLife.unjustified };
      if (r.schoolLife.comment) {
        out.open("vie-scolaire", life);
        out.text("commentaire", r.schoolLife.comment);
        out.close("vie-scolaire");
      } else out.empty("vie-scolaire", life);
      out.close("bilan-periodique");
    }
    out.close("bilans-periodiques");
  }
  if (spec.cycleReports?.length) {
    out.open("bilans-cycle");
    for (const c of spec.cycleReports) {
      out.open("bilan-cycle", {
        "eleve-ref": `EL_${c.pupil + 1}`,
        cycle: c.cycle,
        millesime: spec.year,
        "date-creation": `${spec.year + 1}-06-20`,
        "date-verrou": c.lockedAt,
        "responsable-etab-ref": "RESP_1",
      });
      out.open("socle");
      for (const d of c.components) out.empty("domaine", { code: d.code, positionnement: d.level });
      out.close("socle");
      out.text("synthese", c.synthesis);
      if (c.complementaryTeaching) out.empty("enseignement-complement", { code: c.complementaryTeaching.code, positionnement: c.complementaryTeaching.level });
      out.close("bilan-cycle");
    }
    out.close("bilans-cycle");
  }
  out.close("donnees");
  out.close("lsun-bilans");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out.toString()}`;
}

export interface Lsu1dSpec {
  editor?: string;
  application?: string;
  uai: string;
  year: number;
  director: { civility: "M" | "MME"; surname: string; firstName: string };
  classes: Array<{ ondeId: number; label: string }>;
  periods: Array<{ startsOn: string; endsOn: string }>;
  teachers: Array<{ civility: "M" | "MME"; surname: string; firstName: string }>;
  pupils: Array<{ ine: string; surname: string; firstName: string; class: number }>;
  reports: Array<{
    pupil: number;
    period: number;
    teachers: number[];
    lockedAt: string;
    synthesis: string;
    entries: Array<{ domain: string; positioning?: number; appreciation?: string; elements?: string[]; subdomains?: Array<{ domain: string; positioning?: number }> }>;
    parcours?: Array<{ code: string; text: string }>;
    supportMeasures?: Array<{ code: string }>;
  }>;
  cycleReports?: Array<{ pupil: number; teachers: number[]; lockedAt: string; components: Array<{ code: string; level: number }>; synthesis: string }>;
}

export function writeLsu1d(spec: Lsu1dSpec): string {
  const out = new Out();
  const elementIds = new Map<string, string>();
  for (const report of spec.reports) {
    for (const entry of report.entries) for (const label of entry.elements ?? []) if (!elementIds.has(label)) elementIds.set(label, `EP_${elementIds.size + 1}`);
  }
  out.open("lsun-bilans", { xmlns: LSU_NAMESPACE, schemaVersion: "1.0" });
  out.open("entete");
  out.text("editeur", spec.editor ?? "Livret");
  out.text("application", spec.application ?? "Livret générateur");
  out.text("etablissement", spec.uai);
  out.close("entete");
  out.open("donnees");
  out.open("directeurs");
  out.empty("directeur", { id: "DIR_1", civilite: spec.director.civility, nom: spec.director.surname, prenom: spec.director.firstName });
  out.close("directeurs");
  out.open("classes");
  spec.classes.forEach((c, i) => out.empty("classe", { id: `CL_${i + 1}`, "id-be": c.ondeId, libelle: c.label }));
  out.close("classes");
  out.open("eleves");
  spec.pupils.forEach((p, i) => out.empty("eleve", { id: `EL_${i + 1}`, ine: p.ine, "classe-ref": `CL_${p.class + 1}`, nom: p.surname, prenom: p.firstName }));
  out.close("eleves");
  out.open("periodes");
  spec.periods.forEach((p, i) =>
    out.empty("periode", { id: `P_${i + 1}`, millesime: spec.year, indice: i + 1, "nb-periodes": spec.periods.length, "date-debut": p.startsOn, "date-fin": p.endsOn }),
  );
  out.close("periodes");
  out.open("enseignants");
  spec.teachers.forEach((t, i) => out.empty("enseignant", { id: `ENS_${i + 1}`, civilite: t.civility, nom: t.surname, prenom: t.firstName }));
  out.close("enseignants");
  if (elementIds.size) {
    out.open("elements-programme");
    for (const [label, id] of elementIds) out.empty("element-programme", { id, libelle: label });
    out.close("elements-programme");
  }
  if (spec.reports.length) {
    out.open("bilans-periodiques");
    for (const r of spec.reports) {
      out.open("bilan-periodique", {
        "eleve-ref": `EL_${r.pupil + 1}`,
        "periode-ref": `P_${r.period}`,
        "enseignant-refs": r.teachers.map((t) => `ENS_${t + 1}`).join(" "),
        "date-creation": spec.periods[r.period - 1].endsOn,
        "date-scolarite": `${spec.year}-09-01`,
        "date-verrou": r.lockedAt,
        "directeur-ref": "DIR_1",
      });
      out.open("liste-acquis");
      for (const e of r.entries) {
        const refs = (e.elements ?? []).map((label) => elementIds.get(label)).join(" ");
        const tag = { "code-domaine": e.domain, "element-programme-refs": refs || undefined, positionnement: e.positioning };
        if (e.appreciation || e.subdomains?.length) {
          out.open("acquis", tag);
          if (e.appreciation) out.text("appreciation", e.appreciation);
          if (e.subdomains?.length) {
            out.open("sous-domaines");
            for (const s of e.subdomains) out.empty("sous-domaine", { "code-domaine": s.domain, positionnement: s.positioning });
            out.close("sous-domaines");
          }
          out.close("acquis");
        } else out.empty("acquis", tag);
      }
      out.close("liste-acquis");
      if (r.parcours?.length) {
        out.open("liste-parcours");
        for (const p of r.parcours) out.text("parcours", p.text, { code: p.code });
        out.close("liste-parcours");
      }
      if (r.supportMeasures?.length) {
        out.open("modalites-accompagnement");
        for (const m of r.supportMeasures) out.empty("modalite-accompagnement", { code: m.code });
        out.close("modalites-accompagnement");
      }
      out.text("appreciation-generale", r.synthesis);
      out.close("bilan-periodique");
    }
    out.close("bilans-periodiques");
  }
  if (spec.cycleReports?.length) {
    out.open("bilans-cycle");
    for (const c of spec.cycleReports) {
      out.open("bilan-cycle", {
        "eleve-ref": `EL_${c.pupil + 1}`,
        cycle: 2,
        millesime: spec.year,
        "enseignant-refs": c.teachers.map((t) => `ENS_${t + 1}`).join(" "),
        "date-creation": `${spec.year + 1}-06-20`,
        "date-verrou": c.lockedAt,
        "directeur-ref": "DIR_1",
      });
      out.open("socle");
      for (const d of c.components) out.empty("domaine", { code: d.code, positionnement: d.level });
      out.close("socle");
      out.text("synthese", c.synthesis);
      out.close("bilan-cycle");
    }
    out.close("bilans-cycle");
  }
  out.close("donnees");
  out.close("lsun-bilans");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out.toString()}`;
}

export const SOCLE_CODES = ["CPD_FRA", "CPD_ETR", "CPD_SCI", "CPD_ART", "MET_APP", "FRM_CIT", "SYS_NAT", "REP_MND"] as const;
