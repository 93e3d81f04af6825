import { EntityManager } from "typeorm";
import { School } from "../school/school.entity";
import { SchoolClass } from "../class/school-class.entity";
import { Period } from "../period/period.entity";
import { ClassProgramElement } from "../report/report-parts.entity";

/**
 * Last year's whole-class program elements of CM1 at the École Jean Moulin, taught in 2025 by
 * teacher.cm2, who has CM2 in 2026: what carryOverProgramElements on CM2 2026 brings (R-SEED-07).
 * "Lire et comprendre un texte narratif" is in two periods and is brought once.
 */
const DEMO = {
  school: "0691001A",
  schoolYear: 2025,
  class: "CM1",
  elements: [
    { period: 1, subject: "FRA-RAC", labels: ["Lire et comprendre un texte narratif", "Identifier le verbe et son sujet"] },
    { period: 1, subject: "MAT-RAC", labels: ["Nombres entiers jusqu'au million"] },
    { period: 2, subject: "FRA-RAC", labels: ["Lire et comprendre un texte narratif", "Écrire un texte court en respectant la ponctuation"] },
    { period: 2, subject: "MAT-RAC", labels: ["Fractions simples : moitié, tiers, quart"] },
    { period: 3, subject: "HIG-RAC", labels: ["Se repérer sur une frise chronologique"] },
  ],
};

/** Demo records of this module, written with the demo reports (src/db/demo-reports.ts). Running it twice adds nothing. */
export async function seedCarryOverDemo(em: EntityManager): Promise<void> {
  const school = await em.findOneBy(School, { uai: DEMO.school });
  const cls = school && (await em.findOneBy(SchoolClass, { schoolId: school.id, schoolYear: DEMO.schoolYear, code: DEMO.class }));
  if (!cls || cls.periodSchemeId === null) return;
  if (await em.countBy(ClassProgramElement, { classId: cls.id })) return;
  const periods = await em.find(Period, { where: { schemeId: cls.periodSchemeId }, order: { position: "ASC" } });
  for (const e of DEMO.elements) {
    const period = periods[e.period - 1];
    if (!period) continue;
    await em.insert(ClassProgramElement, e.labels.map((label) => ({ classId: cls.id, periodId: period.id, subjectCode: e.subject, label })));
  }
}
