import { Degree } from "../../common/domain";
import { LsuFile, XmlNode } from "./lsu-validator";

/** The reports of a validated file, each with everything it refers to resolved inside the file. */

export interface FilePeriod {
  year: number;
  index: number;
  count: number;
  startsOn: string | null;
  endsOn: string | null;
}

export interface FileTeacher {
  civility: string | null;
  surname: string | null;
  firstName: string | null;
}

export interface FileEntry {
  code: string;
  teachers: FileTeacher[];
  positioning: number | null;
  studentAverage: string | null;
  classAverage: string | null;
  appreciation: string | null;
  elements: string[];
  line: number;
}

export interface FilePeriodicReport {
  kind: "PERIODIC";
  position: number;
  line: number;
  /** id-be (2D) or INE (1D). */
  pupilKey: string;
  /** 2D code-division, 1D class label (or its ONDE id when it has none). */
  classKey: string;
  period: FilePeriod;
  allPeriods: FilePeriod[];
  lockedAt: Date | null;
  synthesis: string;
  entries: FileEntry[];
  referenceTeachers: FileTeacher[];
  schoolLife: { late: number; justified: number; unjustified: number; comment: string | null } | null;
  parcours: Array<{ code: string; text: string }>;
  supportMeasures: Array<{ code: string; details: string | null }>;
  digitalSkills: { appreciation: string | null; levels: Array<{ code: string; level: number }> } | null;
}

export interface FileCycleReport {
  kind: "CYCLE";
  position: number;
  line: number;
  pupilKey: string;
  classKey: string;
  year: number;
  cycle: number;
  lockedAt: Date | null;
  synthesis: string;
  components: Array<{ code: string; level: number }>;
  referenceTeachers: FileTeacher[];
  complementaryTeaching: { code: string; level: number | null } | null;
  regionalLanguage: { code: string; level: number | null } | null;
}

export type FileReport = FilePeriodicReport | FileCycleReport;

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const children = (node: XmlNode | undefined, name: string) => (node ? node.children.filter((c) => c.name === name) : []);
const refs = (value: string | undefined) => (value ?? "").split(/[ \t\n\r]+/).filter(Boolean);
const int = (value: string | undefined) => (value === undefined ? null : Number(value.trim()));
const trimmed = (value: string | undefined) => (value === undefined ? null : value.trim());

/** date-verrou: a date, or a date and time, read as UTC. */
export function lockDate(value: string | undefined): Date | null {
  if (!value) return null;
  const v = value.trim();
  const date = new Date(/T/.test(v) ? (/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}Z`) : `${v}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function readReports(file: LsuFile): FileReport[] {
  const degree = file.schema.degree;
  const sections = file.sections;
  const byId = (section: string) => new Map((sections.get(section) ?? []).map((n) => [n.attrs.id, n]));
  const pupils = byId("eleves");
  const periods = byId("periodes");
  const disciplines = byId("disciplines");
  const teachers = byId("enseignants");
  const elements = byId("elements-programme");
  const classes = byId("classes");
  const teacherOf = (id: string): FileTeacher => {
    const t = teachers.get(id);
    return { civility: t?.attrs.civilite ?? null, surname: t?.attrs.nom ?? null, firstName: t?.attrs.prenom ?? null };
  };
  const periodOf = (node: XmlNode | undefined): FilePeriod => ({
    year: Number(node?.attrs.millesime),
    index: Number(node?.attrs.indice?.trim()),
    count: Number(node?.attrs["nb-periodes"]?.trim()),
    startsOn: trimmed(node?.attrs["date-debut"]),
    endsOn: trimmed(node?.attrs["date-fin"]),
  });
  const allPeriods = [...periods.values()].map(periodOf);
  const pupilKeyOf = (ref: string) => {
    const pupil = pupils.get(ref.trim());
    return degree === Degree.SECOND ? String(BigInt(pupil?.attrs["id-be"]?.trim() ?? "0")) : (pupil?.attrs.ine ?? "");
  };
  const classKeyOf = (ref: string) => {
    const pupil = pupils.get(ref.trim());
    if (degree === Degree.SECOND) return pupil?.attrs["code-division"] ?? "";
    const cls = classes.get((pupil?.attrs["classe-ref"] ?? "").trim());
    return cls?.attrs.libelle ?? cls?.attrs["id-be"] ?? "";
  };
  const labels = (value: string | undefined) => refs(value).map((id) => elements.get(id)?.attrs.libelle ?? "").filter(Boolean);
  const entryOf = (node: XmlNode, code: string, entryTeachers: FileTeacher[]): FileEntry => ({
    code,
    teachers: entryTeachers,
    positioning: int(node.attrs.positionnement),
    studentAverage: node.attrs["moyenne-eleve"] ?? null,
    classAverage: node.attrs["moyenne-structure"] ?? null,
    appreciation: child(node, "appreciation")?.text ?? null,
    elements: labels(node.attrs["element-programme-refs"]),
    line: node.line,
  });

  const out: FileReport[] = [];
  let position = 0;
  for (const b of sections.get("bilans-periodiques") ?? []) {
    const entries: FileEntry[] = [];
    for (const acquis of children(child(b, "liste-acquis"), "acquis")) {
      if (degree === Degree.SECOND) {
        const discipline = disciplines.get(acquis.attrs["discipline-ref"].trim());
        const code = discipline?.attrs["code-national"] ?? discipline?.attrs.code ?? "";
        entries.push(entryOf(acquis, code, refs(acquis.attrs["enseignant-refs"]).map(teacherOf)));
      } else {
        // A domain with sub-domains carries its appreciation; the sub-domains carry the positionings.
        entries.push(entryOf(acquis, acquis.attrs["code-domaine"], []));
        for (const sub of children(child(acquis, "sous-domaines"), "sous-domaine")) entries.push(entryOf(sub, sub.attrs["code-domaine"], []));
      }
    }
    const life = child(b, "vie-scolaire");
    const digital = child(b, "competences-numeriques");
    out.push({
      kind: "PERIODIC",
      position: position++,
      line: b.line,
      pupilKey: pupilKeyOf(b.attrs["eleve-ref"]),
      classKey: classKeyOf(b.attrs["eleve-ref"]),
      period: periodOf(periods.get(b.attrs["periode-ref"].trim())),
      allPeriods,
      lockedAt: lockDate(b.attrs["date-verrou"]),
      synthesis: (child(b, degree === Degree.SECOND ? "acquis-conseils" : "appreciation-generale")?.text ?? "").trim(),
      entries,
      referenceTeachers: refs(b.attrs["enseignant-refs"]).map(teacherOf),
      schoolLife: life
        ? {
            late: Number(life.attrs["nb-retards"].trim()),
            justified: Number(life.attrs["nb-abs-justifiees"].trim()),
            unjustified: Number(life.attrs["nb-abs-injustifiees"].trim()),
            comment: child(life, "commentaire")?.text ?? null,
          }
        : null,
      parcours: children(child(b, "liste-parcours"), "parcours").map((p) => ({ code: p.attrs.code, text: p.text })),
      supportMeasures: children(child(b, "modalites-accompagnement"), "modalite-accompagnement").map((m) => ({
        code: m.attrs.code,
        details: child(m, "complement-ppre")?.text ?? child(m, "complement-contrat-reussite")?.text ?? null,
      })),
      digitalSkills: digital
        ? {
            appreciation: child(digital, "appreciation-num")?.text ?? null,
            levels: children(digital, "competence-num").map((c) => ({ code: c.attrs.code, level: Number(c.attrs.niveau.trim()) })),
          }
        : null,
    });
  }
  for (const c of sections.get("bilans-cycle") ?? []) {
    const complement = child(c, "enseignement-complement");
    const regional = child(c, "langue-culture-regionale");
    out.push({
      kind: "CYCLE",
      position: position++,
      line: c.line,
      pupilKey: pupilKeyOf(c.attrs["eleve-ref"]),
      classKey: classKeyOf(c.attrs["eleve-ref"]),
      year: Number(c.attrs.millesime),
      cycle: Number(c.attrs.cycle.trim()),
      lockedAt: lockDate(c.attrs["date-verrou"]),
      synthesis: (child(c, "synthese")?.text ?? "").trim(),
      components: children(child(c, "socle"), "domaine").map((d) => ({ code: d.attrs.code, level: Number(d.attrs.positionnement.trim()) })),
      referenceTeachers: refs(c.attrs["enseignant-refs"]).map(teacherOf),
      complementaryTeaching: complement ? { code: complement.attrs.code, level: int(complement.attrs.positionnement) } : null,
      regionalLanguage: regional ? { code: regional.attrs.code, level: int(regional.attrs.positionnement) } : null,
    });
  }
  return out;
}
