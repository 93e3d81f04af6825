import { DataSource, EntityManager, IsNull } from "typeorm";
import { AccountKind, Degree, Level, Role } from "../../common/domain";
import { Academy } from "../school/academy.entity";
import { School } from "../school/school.entity";
import { Subject } from "../subject/subject.entity";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { PeriodScheme } from "../period/period-scheme.entity";
import { Period } from "../period/period.entity";
import { validatePeriods } from "../period/period.service";
import { Student } from "../student/student.entity";
import { Enrolment } from "../student/enrolment.entity";
import { GroupMembership } from "../student/group-membership.entity";
import { Account } from "../account/account.entity";
import { RoleAssignment } from "../account/role-assignment.entity";
import { TeachingAssignment } from "../account/teaching-assignment.entity";
import { StudentGuardian } from "../account/student-guardian.entity";
import { recordAudit } from "../audit/audit.service";
import { searchKey } from "../student/search-key";
import { refreshSearchKeys } from "../student/search-keys";
import { invalidateCallers } from "../../auth/caller-cache";
import { DirectoryFile, DirectoryFileError } from "./directory.format";
import { LineLocator, parseDirectoryText, ProblemList, validateDirectory } from "./directory.validate";

export interface LoadSummary {
  created: Record<string, number>;
  updated: Record<string, number>;
}

/**
 * Loads a directory file in one transaction: every record is created or brought up to date by its
 * natural key, so loading the same file twice changes nothing. Any problem rejects the whole file
 * with line-precise messages, and nothing is written.
 */
export async function loadDirectoryText(dataSource: DataSource, text: string): Promise<LoadSummary> {
  const { data, locator } = parseDirectoryText(text);
  const file = validateDirectory(data, locator);
  const summary = await dataSource.transaction((em) => new DirectoryLoad(em, file, locator).run());
  // Roles, assignments, guardian links or EduConnect may have changed: cached callers are reloaded.
  invalidateCallers();
  return summary;
}

class DirectoryLoad {
  private readonly problems: ProblemList;
  private readonly summary: LoadSummary = { created: {}, updated: {} };
  private readonly academies = new Map<string, Academy>();
  private readonly schools = new Map<string, School>();
  private readonly classes = new Map<string, SchoolClass>();
  private readonly groups = new Map<string, TeachingGroup>();
  private readonly students = new Map<string, Student>();
  private readonly accounts = new Map<string, Account>();
  private subjects = new Map<string, Subject>();
  /** UAIs of the schools whose records this load created or changed, named by its audit event. */
  private readonly touchedSchools = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    private readonly file: DirectoryFile,
    locator: LineLocator,
  ) {
    this.problems = new ProblemList(locator);
  }

  async run(): Promise<LoadSummary> {
    await this.loadAcademies();
    await this.loadSchools();
    await this.loadSubjects();
    await this.loadClassesAndGroups();
    await this.loadPeriodSchemes();
    await this.loadPupils();
    await this.loadGuardians();
    await this.loadStaff();
    await this.loadAssignments();
    // Throwing here rolls the whole transaction back.
    this.problems.throwIfAny();
    await recordAudit(null, this.em, {
      action: "LOAD_DIRECTORY",
      entityType: "Directory",
      details: { ...this.summary, schools: [...this.touchedSchools].sort() },
    });
    return this.summary;
  }

  private count(kind: string, outcome: "created" | "updated" | "same") {
    if (outcome === "same") return;
    this.summary[outcome][kind] = (this.summary[outcome][kind] ?? 0) + 1;
  }

  /** Inserts `values` or updates the differing columns of `existing`; returns the stored row. */
  private async upsert<E extends { id: number }>(kind: string, entity: new () => E, existing: E | null, values: Partial<E>, uai?: string): Promise<E> {
    if (!existing) {
      const created = await this.em.save(this.em.create(entity, values as never));
      this.count(kind, "created");
      if (uai) this.touchedSchools.add(uai);
      return created as E;
    }
    const changed = Object.entries(values).filter(([key, value]) => JSON.stringify((existing as Record<string, unknown>)[key]) !== JSON.stringify(value));
    if (changed.length) {
      await this.em.update(entity, { id: existing.id } as never, Object.fromEntries(changed) as never);
      Object.assign(existing, Object.fromEntries(changed));
      this.count(kind, "updated");
      if (uai) this.touchedSchools.add(uai);
    }
    return existing;
  }

  private async academy(code: string, path: Array<string | number>): Promise<Academy | null> {
    if (!this.academies.has(code)) {
      const found = await this.em.findOne(Academy, { where: { code } });
      if (found) this.academies.set(code, found);
    }
    const academy = this.academies.get(code) ?? null;
    if (!academy) this.problems.add(path, `no academy with code ${code}`);
    return academy;
  }

  private async school(uai: string, path: Array<string | number>): Promise<School | null> {
    if (!this.schools.has(uai)) {
      const found = await this.em.findOne(School, { where: { uai } });
      if (found) this.schools.set(uai, found);
    }
    const school = this.schools.get(uai) ?? null;
    if (!school) this.problems.add(path, `no school with UAI ${uai}`);
    return school;
  }

  private async schoolClass(school: School, year: number, code: string, path: Array<string | number>): Promise<SchoolClass | null> {
    const key = `${school.id}:${year}:${code}`;
    if (!this.classes.has(key)) {
      const found = await this.em.findOne(SchoolClass, { where: { schoolId: school.id, schoolYear: year, code } });
      if (found) this.classes.set(key, found);
    }
    const cls = this.classes.get(key) ?? null;
    if (!cls) this.problems.add(path, `no class ${code} in school ${school.uai} for ${year}`);
    return cls;
  }

  private async group(school: School, year: number, code: string, path: Array<string | number>): Promise<TeachingGroup | null> {
    const key = `${school.id}:${year}:${code}`;
    if (!this.groups.has(key)) {
      const found = await this.em.findOne(TeachingGroup, { where: { schoolId: school.id, schoolYear: year, code } });
      if (found) this.groups.set(key, found);
    }
    const group = this.groups.get(key) ?? null;
    if (!group) this.problems.add(path, `no group ${code} in school ${school.uai} for ${year}`);
    return group;
  }

  private async student(ine: string, path: Array<string | number>): Promise<Student | null> {
    if (!this.students.has(ine)) {
      const found = await this.em.findOne(Student, { where: { ine } });
      if (found) this.students.set(ine, found);
    }
    const student = this.students.get(ine) ?? null;
    if (!student) this.problems.add(path, `no pupil with INE ${ine}`);
    return student;
  }

  private async loadAcademies() {
    for (const a of this.file.academies ?? []) {
      const existing = await this.em.findOne(Academy, { where: { code: a.code } });
      this.academies.set(a.code, await this.upsert("academies", Academy, existing, { code: a.code, name: a.name }));
    }
  }

  private async loadSchools() {
    for (const [i, s] of (this.file.schools ?? []).entries()) {
      const academy = await this.academy(s.academy, ["schools", i, "academy"]);
      if (!academy) continue;
      const existing = await this.em.findOne(School, { where: { uai: s.uai } });
      if (existing && existing.degree !== s.degree) {
        this.problems.add(["schools", i, "degree"], `school ${s.uai} is already a ${existing.degree} degree school`);
        continue;
      }
      const values: Partial<School> = { uai: s.uai, name: s.name, degree: s.degree, academyId: academy.id };
      // The online service is Livret's once the school exists (its HEAD opens it): the file only seeds it.
      if (s.onlineServiceOpen !== undefined && !existing) values.onlineServiceOpen = s.onlineServiceOpen;
      this.schools.set(s.uai, await this.upsert("schools", School, existing, values, s.uai));
    }
  }

  private async loadSubjects() {
    for (const s of this.file.subjects ?? []) {
      const existing = await this.em.findOne(Subject, { where: { code: s.code } });
      if (!existing) {
        await this.em.insert(Subject, { code: s.code, label: s.label, degree: s.degree, parentCode: s.parentCode ?? null });
        this.count("subjects", "created");
      } else if (existing.label !== s.label || existing.degree !== s.degree || existing.parentCode !== (s.parentCode ?? null)) {
        await this.em.update(Subject, { code: s.code }, { label: s.label, degree: s.degree, parentCode: s.parentCode ?? null });
        this.count("subjects", "updated");
      }
    }
    this.subjects = new Map((await this.em.find(Subject)).map((s) => [s.code, s]));
  }

  private async loadClassesAndGroups() {
    for (const [i, k] of (this.file.classes ?? []).entries()) {
      const school = await this.school(k.school, ["classes", i, "school"]);
      if (!school) continue;
      const existing = await this.em.findOne(SchoolClass, { where: { schoolId: school.id, schoolYear: k.schoolYear, code: k.code } });
      const saved = await this.upsert("classes", SchoolClass, existing, {
        schoolId: school.id,
        schoolYear: k.schoolYear,
        code: k.code,
        label: k.label,
        levels: k.levels,
      }, school.uai);
      this.classes.set(`${school.id}:${k.schoolYear}:${k.code}`, saved);
    }
    for (const [i, g] of (this.file.groups ?? []).entries()) {
      const school = await this.school(g.school, ["groups", i, "school"]);
      if (!school) continue;
      const existing = await this.em.findOne(TeachingGroup, { where: { schoolId: school.id, schoolYear: g.schoolYear, code: g.code } });
      const saved = await this.upsert("groups", TeachingGroup, existing, {
        schoolId: school.id,
        schoolYear: g.schoolYear,
        code: g.code,
        label: g.label,
      }, school.uai);
      this.groups.set(`${school.id}:${g.schoolYear}:${g.code}`, saved);
    }
  }

  private async loadPeriodSchemes() {
    for (const [i, s] of (this.file.periodSchemes ?? []).entries()) {
      const path = ["periodSchemes", i];
      const school = await this.school(s.school, [...path, "school"]);
      if (!school) continue;
      try {
        validatePeriods(s.periods, s.schoolYear);
      } catch (error) {
        this.problems.add([...path, "periods"], (error as Error).message);
        continue;
      }
      // Periods are Livret's once set (configurePeriods, R-SEED-01): the file adds a scheme, never changes one.
      if (await this.em.count(PeriodScheme, { where: { schoolId: school.id, schoolYear: s.schoolYear, name: s.name } })) continue;
      const scheme = await this.upsert("periodSchemes", PeriodScheme, null, { schoolId: school.id, schoolYear: s.schoolYear, name: s.name }, school.uai);
      for (const [position, p] of s.periods.entries()) {
        await this.upsert("periods", Period, null, { schemeId: scheme.id, position: position + 1, startsOn: p.startsOn, endsOn: p.endsOn });
      }
      for (const [j, code] of (s.classes ?? []).entries()) {
        const cls = await this.schoolClass(school, s.schoolYear, code, [...path, "classes", j]);
        if (cls && cls.periodSchemeId === null) await this.upsert("classSchemeLinks", SchoolClass, cls, { periodSchemeId: scheme.id });
      }
    }
  }

  private async loadPupils() {
    // Pupils created, renamed or newly enrolled: their search keys are rebuilt once, at the end.
    const searchKeysStale = new Set<number>();
    for (const [i, p] of (this.file.pupils ?? []).entries()) {
      const existing = await this.em.findOne(Student, { where: { ine: p.ine } });
      const renamed = !existing || existing.searchSurname !== searchKey(p.surname) || existing.searchFirstName !== searchKey(p.firstName);
      const student = await this.upsert("pupils", Student, existing, {
        ine: p.ine,
        surname: p.surname,
        firstName: p.firstName,
        birthDate: p.birthDate ?? null,
        searchSurname: searchKey(p.surname),
        searchFirstName: searchKey(p.firstName),
      });
      this.students.set(p.ine, student);
      if (renamed) searchKeysStale.add(student.id);
      for (const [j, e] of (p.enrolments ?? []).entries()) {
        const path = ["pupils", i, "enrolments", j];
        const school = await this.school(e.school, [...path, "school"]);
        if (!school) continue;
        const cls = await this.schoolClass(school, e.schoolYear, e.class, [...path, "class"]);
        if (!cls) continue;
        if (!cls.levels.includes(e.level as Level)) {
          this.problems.add([...path, "level"], `class ${cls.code} has levels ${cls.levels.join(", ")}, not ${e.level}`);
          continue;
        }
        const current = await this.em.findOne(Enrolment, { where: { studentId: student.id, schoolYear: e.schoolYear, schoolId: school.id } });
        if (!current) searchKeysStale.add(student.id);
        await this.upsert("enrolments", Enrolment, current, {
          studentId: student.id,
          schoolYear: e.schoolYear,
          schoolId: school.id,
          classId: cls.id,
          level: e.level,
          schoolPupilId: e.schoolPupilId ?? null,
        }, school.uai);
        for (const [k, code] of (e.groups ?? []).entries()) {
          const group = await this.group(school, e.schoolYear, code, [...path, "groups", k]);
          if (!group) continue;
          const member = await this.em.findOne(GroupMembership, { where: { groupId: group.id, studentId: student.id } });
          await this.upsert("groupMemberships", GroupMembership, member, { groupId: group.id, studentId: student.id });
        }
      }
    }
    await refreshSearchKeys(this.em, searchKeysStale);
  }

  private async account(login: string, kind: AccountKind, values: Partial<Account>, path: Array<string | number>) {
    const existing = await this.em.findOne(Account, { where: { login } });
    if (existing && existing.kind !== kind) {
      this.problems.add([...path, "login"], `login ${login} already belongs to a ${existing.kind.toLowerCase()} account`);
      return null;
    }
    const saved = await this.upsert(kind === AccountKind.STAFF ? "staff" : "guardians", Account, existing, { login, kind, ...values });
    this.accounts.set(login, saved);
    return saved;
  }

  private async loadGuardians() {
    for (const [i, g] of (this.file.guardians ?? []).entries()) {
      const account = await this.account(
        g.login,
        AccountKind.GUARDIAN,
        { surname: g.surname, firstName: g.firstName, educonnectActive: g.educonnectActive },
        ["guardians", i],
      );
      if (!account) continue;
      for (const [j, child] of g.children.entries()) {
        const student = await this.student(child.ine, ["guardians", i, "children", j, "ine"]);
        if (!student) continue;
        const link = await this.em.findOne(StudentGuardian, { where: { studentId: student.id, guardianAccountId: account.id } });
        await this.upsert("guardianLinks", StudentGuardian, link, {
          studentId: student.id,
          guardianAccountId: account.id,
          relationship: child.relationship ?? null,
        });
      }
    }
  }

  private async loadStaff() {
    for (const [i, s] of (this.file.staff ?? []).entries()) {
      const account = await this.account(s.login, AccountKind.STAFF, { surname: s.surname, firstName: s.firstName }, ["staff", i]);
      if (!account) continue;
      const grants = await this.em.find(RoleAssignment, { where: { accountId: account.id } });
      for (const [j, r] of s.roles.entries()) {
        const path = ["staff", i, "roles", j];
        const school = r.school ? await this.school(r.school, [...path, "school"]) : null;
        const academy = r.academy ? await this.academy(r.academy, [...path, "academy"]) : null;
        if ((r.school && !school) || (r.academy && !academy)) continue;
        if (school && ((r.role === "DIRECTOR" && school.degree !== Degree.FIRST) || (r.role === "HEAD" && school.degree !== Degree.SECOND))) {
          this.problems.add([...path, "role"], `${r.role} does not lead a ${school.degree} degree school`);
          continue;
        }
        const same = grants.find((g) => g.role === r.role && g.schoolId === (school?.id ?? null) && g.academyId === (academy?.id ?? null));
        if (!same) {
          await this.em.insert(RoleAssignment, { accountId: account.id, role: r.role, schoolId: school?.id ?? null, academyId: academy?.id ?? null });
          this.count("roles", "created");
        }
      }
    }
  }

  private async loadAssignments() {
    for (const [i, a] of (this.file.assignments ?? []).entries()) {
      const path = ["assignments", i];
      const account = this.accounts.get(a.login) ?? (await this.em.findOne(Account, { where: { login: a.login } }));
      if (!account || account.kind !== AccountKind.STAFF) {
        this.problems.add([...path, "login"], `no staff account with login ${a.login}`);
        continue;
      }
      const school = await this.school(a.school, [...path, "school"]);
      if (!school) continue;
      const subject = this.subjects.get(a.subject);
      if (!subject) {
        this.problems.add([...path, "subject"], `no subject or domain with code ${a.subject}`);
        continue;
      }
      if (subject.degree !== school.degree) {
        this.problems.add([...path, "subject"], `${a.subject} is a ${subject.degree} degree code; school ${school.uai} is ${school.degree} degree`);
        continue;
      }
      const cls = a.class ? await this.schoolClass(school, a.schoolYear, a.class, [...path, "class"]) : null;
      const group = a.group ? await this.group(school, a.schoolYear, a.group, [...path, "group"]) : null;
      if (!cls && !group) continue;
      const grants = await this.em.find(RoleAssignment, { where: { accountId: account.id, role: Role.TEACHER, schoolId: school.id } });
      if (!grants.length) {
        await this.em.insert(RoleAssignment, { accountId: account.id, role: Role.TEACHER, schoolId: school.id, academyId: null });
        this.count("roles", "created");
      }
      const existing = await this.em.findOne(TeachingAssignment, {
        where: { accountId: account.id, schoolYear: a.schoolYear, classId: cls ? cls.id : IsNull(), groupId: group ? group.id : IsNull(), subjectCode: a.subject },
      });
      if (!existing) {
        await this.em.insert(TeachingAssignment, {
          accountId: account.id,
          schoolYear: a.schoolYear,
          classId: cls?.id ?? null,
          groupId: group?.id ?? null,
          subjectCode: a.subject,
        });
        this.count("assignments", "created");
      }
    }
  }
}

export { DirectoryFileError };
