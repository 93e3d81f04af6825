/**
 * A generated 900-pupil collège (30 classes of 30 pupils, 6e to 3e) with staff, guardians and a first
 * trimester of reports (8 subjects, 2 program elements each, half of them locked): the data the front-end
 * operations of operations/*.graphql are calibrated on, used by the hostile-request tests and `npm run bench`.
 * The directory goes through the ordinary loader; reports are written as rows, as the demo reports are.
 */
import { DataSource } from "typeorm";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { DirectoryFile } from "../../src/modules/directory/directory.format";
import { Degree, Level, PositioningType, ReportDataSource, Role } from "../../src/common/domain";
import { School } from "../../src/modules/school/school.entity";
import { SchoolClass } from "../../src/modules/class/school-class.entity";
import { Period } from "../../src/modules/period/period.entity";
import { Student } from "../../src/modules/student/student.entity";
import { Account } from "../../src/modules/account/account.entity";
import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { ReportEntry, ReportEntryElement, ReportEntryTeacher } from "../../src/modules/report/report-parts.entity";

export const SCHOOL_900 = {
  uai: "0699900Z",
  academy: "A90",
  year: 2026,
  head: "head.s900",
  dasen: "dasen.s900",
  /** Teaches mathematics to every 6e class. */
  teacher: "teacher.s900.061300.SIXIEME",
  /** Guardian of the first pupil. */
  guardian: "parent.s900.0",
  classes: 30,
  pupilsPerClass: 30,
  /** A small école of the same academy: what the DASEN sees (DASENs see écoles only). */
  ecole: { uai: "0699901Y", classes: 5, pupilsPerClass: 20 },
} as const;

const LEVELS = [Level.SIXIEME, Level.CINQUIEME, Level.QUATRIEME, Level.TROISIEME];
const SUBJECTS = ["020700", "030201", "042100", "061300", "062300", "062900", "070800", "081300"];

export function school900Directory(): DirectoryFile {
  const { uai, year } = SCHOOL_900;
  const classes = Array.from({ length: SCHOOL_900.classes }, (_, i) => {
    const level = LEVELS[i % LEVELS.length];
    return { school: uai, schoolYear: year, code: `${6 - (i % 4)}${String.fromCharCode(65 + Math.floor(i / 4))}`, label: `Classe ${i + 1}`, levels: [level] };
  });
  const pupils = classes.flatMap((c, ci) =>
    Array.from({ length: SCHOOL_900.pupilsPerClass }, (_, pi) => {
      const n = ci * SCHOOL_900.pupilsPerClass + pi;
      return {
        ine: `9${String(n).padStart(9, "0")}Z`,
        surname: `Eleve${String(n).padStart(4, "0")}`,
        firstName: `Prenom${pi}`,
        birthDate: "2013-05-01",
        enrolments: [{ school: uai, schoolYear: year, class: c.code, level: c.levels[0] }],
      };
    }),
  );
  const ecoleLevels = [Level.CP, Level.CE1, Level.CE2, Level.CM1, Level.CM2];
  const ecoleClasses = ecoleLevels.slice(0, SCHOOL_900.ecole.classes).map((level) => ({ school: SCHOOL_900.ecole.uai, schoolYear: year, code: level, label: level, levels: [level] }));
  const ecolePupils = ecoleClasses.flatMap((c, ci) =>
    Array.from({ length: SCHOOL_900.ecole.pupilsPerClass }, (_, pi) => ({
      ine: `8${String(ci * 100 + pi).padStart(9, "0")}Y`,
      surname: `Ecolier${ci}${pi}`,
      firstName: "Prénom",
      birthDate: "2018-05-01",
      enrolments: [{ school: SCHOOL_900.ecole.uai, schoolYear: year, class: c.code, level: c.levels[0] }],
    })),
  );
  const teachers = SUBJECTS.flatMap((subject) => LEVELS.map((level) => ({ login: `teacher.s900.${subject}.${level}`, subject, level })));
  return {
    format: "livret-directory/1",
    academies: [{ code: SCHOOL_900.academy, name: "Académie générée" }],
    schools: [
      { uai, name: "Collège généré", degree: Degree.SECOND, academy: SCHOOL_900.academy, onlineServiceOpen: true },
      { uai: SCHOOL_900.ecole.uai, name: "École générée", degree: Degree.FIRST, academy: SCHOOL_900.academy },
    ],
    classes: [...classes, ...ecoleClasses],
    periodSchemes: [
      {
        school: uai,
        schoolYear: year,
        name: "Trimestres",
        periods: [
          { startsOn: "2026-09-01", endsOn: "2026-11-27" },
          { startsOn: "2026-11-28", endsOn: "2027-03-06" },
          { startsOn: "2027-03-07", endsOn: "2027-07-04" },
        ],
        classes: classes.map((c) => c.code),
      },
    ],
    pupils: [...pupils, ...ecolePupils],
    guardians: pupils.map((p, i) => ({ login: `parent.s900.${i}`, surname: p.surname, firstName: "Parent", educonnectActive: true, children: [{ ine: p.ine, relationship: "MERE" }] })),
    staff: [
      { login: SCHOOL_900.head, surname: "Chef", firstName: "Généré", roles: [{ role: Role.HEAD, school: uai }] },
      { login: SCHOOL_900.dasen, surname: "Dasen", firstName: "Généré", roles: [{ role: Role.DASEN, academy: SCHOOL_900.academy }] },
      ...teachers.map((t) => ({ login: t.login, surname: `Prof${t.subject}`, firstName: t.level, roles: [{ role: Role.TEACHER, school: uai }] })),
    ],
    assignments: teachers.flatMap((t) =>
      classes.filter((c) => c.levels[0] === t.level).map((c) => ({ login: t.login, school: uai, schoolYear: year, class: c.code, subject: t.subject })),
    ),
  };
}

/** Loads the school into a migrated database; returns how many reports it wrote. */
export async function loadSchool900(dataSource: DataSource): Promise<number> {
  const directory = school900Directory();
  await loadDirectoryText(dataSource, JSON.stringify(directory));
  return dataSource.transaction(async (em) => {
    const school = await em.findOneByOrFail(School, { uai: SCHOOL_900.uai });
    const classes = await em.find(SchoolClass, { where: { schoolId: school.id, schoolYear: SCHOOL_900.year } });
    await em.update(SchoolClass, { schoolId: school.id }, { dataSource: ReportDataSource.ENTRY, positioningType: PositioningType.SCALE });
    const periods = await em.find(Period, { where: { schemeId: classes[0].periodSchemeId! }, order: { position: "ASC" } });
    const accounts = new Map((await em.find(Account)).map((a) => [a.login, a.id]));
    const students = new Map((await em.find(Student)).map((s) => [s.ine, s.id]));
    const classByCode = new Map(classes.map((c) => [c.code, c]));
    const head = accounts.get(SCHOOL_900.head)!;
    let count = 0;
    const pupils = directory.pupils!.filter((p) => p.enrolments![0].school === SCHOOL_900.uai);
    for (let start = 0; start < pupils.length; start += 100) {
      const chunk = pupils.slice(start, start + 100);
      const reports = chunk.map((p, i) => {
        const locked = (start + i) % 2 === 0;
        return {
          studentId: students.get(p.ine)!,
          periodId: periods[0].id,
          classId: classByCode.get(p.enrolments![0].class)!.id,
          schoolYear: SCHOOL_900.year,
          status: locked ? ReportStatus.LOCKED : ReportStatus.DRAFT,
          source: ReportDataSource.ENTRY,
          readOnly: false,
          version: 1,
          synthesis: "Un trimestre sérieux, des progrès réguliers dans toutes les disciplines.",
          lockedAt: locked ? new Date("2026-11-27T17:00:00Z") : null,
          lockedByAccountId: locked ? head : null,
        };
      });
      await em.insert(PeriodicReport, reports);
      const saved = await em.find(PeriodicReport, { where: reports.map((r) => ({ studentId: r.studentId, periodId: r.periodId })) });
      const entries = saved.flatMap((r) =>
        SUBJECTS.map((subjectCode) => ({ reportId: r.id, subjectCode, positioning: 1 + (r.id % 4), appreciation: "Travail régulier, participation active en classe." })),
      );
      await em.insert(ReportEntry, entries);
      const savedEntries = await em.find(ReportEntry, { where: saved.map((r) => ({ reportId: r.id })) });
      const level = new Map(saved.map((r) => [r.id, classes.find((c) => c.id === r.classId)!.levels[0]]));
      await em.insert(ReportEntryElement, savedEntries.flatMap((e) => [{ entryId: e.id, label: "Élément travaillé A" }, { entryId: e.id, label: "Élément travaillé B" }]));
      await em.insert(ReportEntryTeacher, savedEntries.map((e) => ({ entryId: e.id, accountId: accounts.get(`teacher.s900.${e.subjectCode}.${level.get(e.reportId)}`)! })));
      count += saved.length;
    }
    return count;
  });
}
