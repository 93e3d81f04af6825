import { DataSource, EntityManager } from "typeorm";
import { Degree, PositioningType, ReportDataSource, Role } from "../common/domain";
import { School } from "../modules/school/school.entity";
import { SchoolClass } from "../modules/class/school-class.entity";
import { Period } from "../modules/period/period.entity";
import { Student } from "../modules/student/student.entity";
import { Account } from "../modules/account/account.entity";
import { RoleAssignment } from "../modules/account/role-assignment.entity";
import { PeriodicReport, ReportStatus } from "../modules/report/periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportReferenceTeacher,
} from "../modules/report/report-parts.entity";
import { recordAudit } from "../modules/audit/audit.service";
import { seedCycleReportDemo } from "../modules/cycle-report/cycle-report.demo";
import { seedAttestationDemo } from "../modules/attestation/attestation.demo";
import { seedCarryOverDemo } from "../modules/carry-over/carry-over.demo";

/** Demo reports in every state (demo/reports.json); written directly, as a data migration would. */
interface DemoReports {
  format: "livret-demo-reports/1";
  classes: Array<{
    school: string;
    schoolYear: number;
    class: string;
    dataSource: ReportDataSource;
    positioningType: PositioningType;
    collectiveDigitalSkills?: string;
    classElements?: Array<{ period: number; subject: string; labels: string[] }>;
    reports: Array<{
      ine: string;
      period: number;
      status: ReportStatus;
      by?: string;
      synthesis?: string;
      schoolLife?: { lateCount: number; justifiedAbsences: number; unjustifiedAbsences: number };
      entries: Array<{
        subject: string;
        positioning?: number;
        studentAverage?: string;
        classAverage?: string;
        appreciation?: string;
        elements?: string[];
      }>;
    }>;
  }>;
}

export async function loadDemoReports(dataSource: DataSource, text: string): Promise<number> {
  const file = JSON.parse(text) as DemoReports;
  return dataSource.transaction(async (em) => {
    let count = 0;
    for (const c of file.classes) {
      const school = await em.findOneByOrFail(School, { uai: c.school });
      const cls = await em.findOneByOrFail(SchoolClass, { schoolId: school.id, schoolYear: c.schoolYear, code: c.class });
      await em.update(SchoolClass, { id: cls.id }, { dataSource: c.dataSource, positioningType: c.positioningType });
      const periods = await em.find(Period, { where: { schemeId: cls.periodSchemeId! }, order: { position: "ASC" } });
      const lead = await em.findOneByOrFail(RoleAssignment, { schoolId: school.id, role: school.degree === Degree.FIRST ? Role.DIRECTOR : Role.HEAD });
      if (c.collectiveDigitalSkills) await em.insert(ClassDigitalSkillsAppreciation, { classId: cls.id, text: c.collectiveDigitalSkills });
      for (const ce of c.classElements ?? []) {
        const period = periods[ce.period - 1];
        await em.insert(ClassProgramElement, ce.labels.map((label) => ({ classId: cls.id, periodId: period.id, subjectCode: ce.subject, label })));
      }
      for (const r of c.reports) {
        count += await insertReport(em, school, cls, periods[r.period - 1], lead.accountId, r);
      }
    }
    await seedCycleReportDemo(em);
    await seedAttestationDemo(em);
    await seedCarryOverDemo(em);
    await recordAudit(null, em, { action: "LOAD_DEMO_REPORTS", entityType: "Directory", details: { reports: count } });
    return count;
  });
}

async function insertReport(
  em: EntityManager,
  school: School,
  cls: SchoolClass,
  period: Period,
  leadAccountId: number,
  r: DemoReports["classes"][number]["reports"][number],
): Promise<number> {
  const student = await em.findOneByOrFail(Student, { ine: r.ine });
  const teacher = r.by ? await em.findOneByOrFail(Account, { login: r.by }) : null;
  const locked = r.status === ReportStatus.LOCKED;
  const report = await em.save(
    em.create(PeriodicReport, {
      studentId: student.id,
      periodId: period.id,
      classId: cls.id,
      schoolYear: cls.schoolYear,
      status: r.status,
      source: ReportDataSource.ENTRY,
      readOnly: false,
      version: 1,
      synthesis: r.synthesis ?? null,
      lateCount: r.schoolLife?.lateCount ?? null,
      justifiedAbsences: r.schoolLife?.justifiedAbsences ?? null,
      unjustifiedAbsences: r.schoolLife?.unjustifiedAbsences ?? null,
      lockedAt: locked ? new Date(`${period.endsOn}T17:00:00Z`) : null,
      lockedByAccountId: locked ? leadAccountId : null,
    }),
  );
  for (const entry of r.entries) {
    const saved = await em.save(
      em.create(ReportEntry, {
        reportId: report.id,
        subjectCode: entry.subject,
        positioning: entry.positioning ?? null,
        studentAverage: entry.studentAverage ?? null,
        classAverage: entry.classAverage ?? null,
        appreciation: entry.appreciation ?? null,
      }),
    );
    if (entry.elements?.length) await em.insert(ReportEntryElement, entry.elements.map((label) => ({ entryId: saved.id, label })));
    if (teacher) await em.insert(ReportEntryTeacher, { entryId: saved.id, accountId: teacher.id });
  }
  if (teacher && school.degree === Degree.FIRST) await em.insert(ReportReferenceTeacher, { reportId: report.id, accountId: teacher.id });
  return 1;
}
