import { EntityManager } from "typeorm";
import { Account } from "../account/account.entity";
import { School } from "../school/school.entity";
import { Student } from "../student/student.entity";
import { ReportStatus } from "../report/periodic-report.entity";
import { CycleReport, CycleReportComponent } from "./cycle-report.entity";

/**
 * Demo end-of-cycle reports of 2026-2027, in the order tests and the access matrix rely on (ids 1, 2, 3):
 * Éloïse (CE2, école) a draft begun by her class teacher, Hugo Martin (6e) a draft begun by the HEAD,
 * Adam Mercier (3e) a complete, locked cycle 4 report with Latin (LCA) as complementary teaching.
 */
const DEMO: Array<{
  ine: string;
  school: string;
  by: string;
  cycle: number;
  status: ReportStatus;
  synthesis?: string;
  complementaryTeaching?: { code: string; level: number };
  components: Record<string, number>;
}> = [
  {
    ine: "1000000004D",
    school: "0691001A",
    by: "teacher.ce2cm1",
    cycle: 2,
    status: ReportStatus.DRAFT,
    components: { CPD_FRA: 3, CPD_SCI: 3, CPD_ART: 4, FRM_CIT: 3 },
  },
  {
    ine: "2000000001A",
    school: "0692002B",
    by: "head.hugo",
    cycle: 3,
    status: ReportStatus.DRAFT,
    components: { CPD_FRA: 2, CPD_ETR: 3, MET_APP: 2 },
  },
  {
    ine: "2000000005E",
    school: "0692002B",
    by: "head.hugo",
    cycle: 4,
    status: ReportStatus.LOCKED,
    synthesis: "Adam maîtrise le socle commun ; il a progressé en expression écrite et s'est investi en latin.",
    complementaryTeaching: { code: "LCA", level: 1 },
    components: { CPD_FRA: 3, CPD_ETR: 3, CPD_SCI: 4, CPD_ART: 3, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 3 },
  },
];

/** Demo records of this module, written with the demo reports (src/db/demo-reports.ts). */
export async function seedCycleReportDemo(em: EntityManager): Promise<void> {
  for (const d of DEMO) {
    const [student, school, author] = await Promise.all([
      em.findOneByOrFail(Student, { ine: d.ine }),
      em.findOneByOrFail(School, { uai: d.school }),
      em.findOneByOrFail(Account, { login: d.by }),
    ]);
    const locked = d.status === ReportStatus.LOCKED;
    const report = await em.save(
      em.create(CycleReport, {
        studentId: student.id,
        cycle: d.cycle,
        schoolYear: 2026,
        schoolId: school.id,
        status: d.status,
        lockedAt: locked ? new Date("2026-11-20T17:00:00Z") : null,
        synthesis: d.synthesis ?? null,
        complementaryTeachingCode: d.complementaryTeaching?.code ?? null,
        complementaryTeachingLevel: d.complementaryTeaching?.level ?? null,
        regionalLanguageCode: null,
        regionalLanguageLevel: null,
        createdByAccountId: author.id,
        version: 1,
      }),
    );
    await em.insert(
      CycleReportComponent,
      Object.entries(d.components).map(([code, level]) => ({ cycleReportId: report.id, code, level })),
    );
  }
}
