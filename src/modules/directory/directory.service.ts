import { DataSource, EntityManager } from "typeorm";
import { AccountKind, Degree, Level, Role } from "../../common/domain";
import { BOUND } from "../../common/bounds";
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
import { DirectoryFile, DirectoryFileError, JsonPath } from "./directory.format";
import { LineLocator, parseDirectoryText, ProblemList, validateDirectory } from "./directory.validate";
import { chunks, findIn, TableWrites } from "./directory.bulk";

export interface LoadSummary {
  created: Record<string, number>;
  updated: Record<string, number>;
}

/** Reports how far a load has gone: `done` of `total` records of the file, in the named phase. */
export type LoadProgress = (done: number, total: number, phase: string) => void;

/**
 * Loads a directory file in one transaction: every record is created or brought up to date by its
 * natural key, so loading the same file twice changes nothing. Any problem rejects the whole file
 * with line-precise messages, and nothing is written. Reads and writes go in batches (a few statements
 * per 500 records), so an academy of 100,000 pupils loads in a minute or two.
 */
export async function loadDirectoryText(dataSource: DataSource, text: string, progress?: LoadProgress): Promise<LoadSummary> {
  const { data, locator } = parseDirectoryText(text);
  const file = validateDirectory(data, locator);
  const summary = await dataSource.transaction((em) => new DirectoryLoad(em, file, locator, progress).run());
  // Roles, assignments, guardian links or EduConnect may have changed: cached callers are reloaded.
  invalidateCallers();
  return summary;
}

const classKey = (schoolId: number, year: number, code: string) => `${schoolId}:${year}:${code}`;

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
  private readonly count = (kind: string, outcome: "created" | "updated", uai?: string) => {
    this.summary[outcome][kind] = (this.summary[outcome][kind] ?? 0) + 1;
    if (uai) this.touchedSchools.add(uai);
  };
  private readonly total: number;
  private done = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly file: DirectoryFile,
    locator: LineLocator,
    private readonly progress?: LoadProgress,
  ) {
    this.problems = new ProblemList(locator);
    const f = file;
    this.total =
      (f.academies?.length ?? 0) + (f.schools?.length ?? 0) + (f.subjects?.length ?? 0) + (f.classes?.length ?? 0) + (f.groups?.length ?? 0) +
      (f.periodSchemes?.length ?? 0) + (f.pupils?.length ?? 0) + (f.guardians?.length ?? 0) + (f.staff?.length ?? 0) + (f.assignments?.length ?? 0);
  }

  private advance(n: number, phase: string) {
    this.done += n;
    this.progress?.(this.done, this.total, phase);
  }

  private writes<E extends { id: number }>(entity: new () => E, kind: string, readBack?: { column: keyof E & string; key: (row: E) => string }) {
    return new TableWrites(this.em, entity, kind, this.count, readBack);
  }

  async run(): Promise<LoadSummary> {
    await this.prefetchReferences();
    await this.loadAcademies();
    await this.loadSchools();
    await this.loadSubjects();
    await this.loadClassesAndGroups();
    await this.loadPeriodSchemes();
    await this.loadPupils();
    await this.loadGuardians();
    await this.loadStaff();
    await this.loadAssignments();
    await this.checkBounds();
    // Throwing here rolls the whole transaction back.
    this.problems.throwIfAny();
    await recordAudit(null, this.em, {
      action: "LOAD_DIRECTORY",
      entityType: "Directory",
      details: { ...this.summary, schools: [...this.touchedSchools].sort() },
    });
    return this.summary;
  }

  /** Every academy, school and pupil the file names, read once by natural key. */
  private async prefetchReferences() {
    const f = this.file;
    const academyCodes = [...(f.academies ?? []).map((a) => a.code), ...(f.schools ?? []).map((s) => s.academy)];
    for (const s of f.staff ?? []) for (const r of s.roles) if (r.academy) academyCodes.push(r.academy);
    for (const a of await findIn(this.em, Academy, "code", academyCodes)) this.academies.set(a.code, a);

    const uais: string[] = [...(f.schools ?? []).map((s) => s.uai)];
    for (const list of [f.classes, f.groups, f.periodSchemes, f.assignments]) for (const r of list ?? []) uais.push(r.school);
    for (const p of f.pupils ?? []) for (const e of p.enrolments ?? []) uais.push(e.school);
    for (const s of f.staff ?? []) for (const r of s.roles) if (r.school) uais.push(r.school);
    for (const s of await findIn(this.em, School, "uai", uais)) this.schools.set(s.uai, s);

    const ines = (f.pupils ?? []).map((p) => p.ine);
    for (const g of f.guardians ?? []) for (const c of g.children) ines.push(c.ine);
    for (const s of await findIn(this.em, Student, "ine", ines)) this.students.set(s.ine, s);

    const logins = [...(f.guardians ?? []), ...(f.staff ?? []), ...(f.assignments ?? [])].map((a) => a.login);
    for (const a of await findIn(this.em, Account, "login", logins)) this.accounts.set(a.login, a);
  }

  private academy(code: string, path: JsonPath): Academy | null {
    const academy = this.academies.get(code) ?? null;
    if (!academy) this.problems.add(path, `no academy with code ${code}`);
    return academy;
  }

  private school(uai: string, path: JsonPath): School | null {
    const school = this.schools.get(uai) ?? null;
    if (!school) this.problems.add(path, `no school with UAI ${uai}`);
    return school;
  }

  private schoolClass(school: School, year: number, code: string, path: JsonPath): SchoolClass | null {
    const cls = this.classes.get(classKey(school.id, year, code)) ?? null;
    if (!cls) this.problems.add(path, `no class ${code} in school ${school.uai} for ${year}`);
    return cls;
  }

  private group(school: School, year: number, code: string, path: JsonPath): TeachingGroup | null {
    const group = this.groups.get(classKey(school.id, year, code)) ?? null;
    if (!group) this.problems.add(path, `no group ${code} in school ${school.uai} for ${year}`);
    return group;
  }

  private student(ine: string, path: JsonPath): Student | null {
    const student = this.students.get(ine) ?? null;
    if (!student) this.problems.add(path, `no pupil with INE ${ine}`);
    return student;
  }

  private async loadAcademies() {
    const writes = this.writes(Academy, "academies", { column: "code", key: (a) => a.code });
    for (const a of this.file.academies ?? []) this.academies.set(a.code, writes.plan(this.academies.get(a.code), { code: a.code, name: a.name }));
    await writes.flush();
    this.advance(this.file.academies?.length ?? 0, "academies");
  }

  private async loadSchools() {
    const writes = this.writes(School, "schools", { column: "uai", key: (s) => s.uai });
    for (const [i, s] of (this.file.schools ?? []).entries()) {
      const academy = this.academy(s.academy, ["schools", i, "academy"]);
      if (!academy) continue;
      const existing = this.schools.get(s.uai);
      if (existing && existing.degree !== s.degree) {
        this.problems.add(["schools", i, "degree"], `school ${s.uai} is already a ${existing.degree} degree school`);
        continue;
      }
      const values: Partial<School> = { uai: s.uai, name: s.name, degree: s.degree, academyId: academy.id };
      // The online service is Livret's once the school exists (its HEAD opens it): the file only seeds it.
      if (s.onlineServiceOpen !== undefined && !existing) values.onlineServiceOpen = s.onlineServiceOpen;
      this.schools.set(s.uai, writes.plan(existing, values, s.uai));
    }
    await writes.flush();
    this.advance(this.file.schools?.length ?? 0, "schools");
  }

  private async loadSubjects() {
    const file = this.file.subjects ?? [];
    if (file.length) {
      const stored = new Map((await findIn(this.em, Subject, "code", file.map((s) => s.code))).map((s) => [s.code, s]));
      const inserts: Array<Partial<Subject>> = [];
      for (const s of file) {
        const values = { code: s.code, label: s.label, degree: s.degree, parentCode: s.parentCode ?? null };
        const existing = stored.get(s.code);
        if (!existing) {
          inserts.push(values);
          stored.set(s.code, values as Subject);
          this.count("subjects", "created");
        } else if (existing.label !== s.label || existing.degree !== s.degree || existing.parentCode !== (s.parentCode ?? null)) {
          await this.em.update(Subject, { code: s.code }, values);
          Object.assign(existing, values);
          this.count("subjects", "updated");
        }
      }
      for (const chunk of chunks(inserts)) await this.em.insert(Subject, chunk);
    }
    this.subjects = new Map((await this.em.find(Subject)).map((s) => [s.code, s]));
    this.advance(file.length, "subjects");
  }

  private async loadClassesAndGroups() {
    const schoolIds = [...this.schools.values()].map((s) => s.id).filter((id) => id !== undefined);
    for (const c of await findIn(this.em, SchoolClass, "schoolId", schoolIds)) this.classes.set(classKey(c.schoolId, c.schoolYear, c.code), c);
    for (const g of await findIn(this.em, TeachingGroup, "schoolId", schoolIds)) this.groups.set(classKey(g.schoolId, g.schoolYear, g.code), g);
    const readBack = { column: "schoolId" as const, key: (c: { schoolId: number; schoolYear: number; code: string }) => classKey(c.schoolId, c.schoolYear, c.code) };
    const classes = this.writes(SchoolClass, "classes", readBack);
    for (const [i, k] of (this.file.classes ?? []).entries()) {
      const school = this.school(k.school, ["classes", i, "school"]);
      if (!school) continue;
      const key = classKey(school.id, k.schoolYear, k.code);
      this.classes.set(key, classes.plan(this.classes.get(key), { schoolId: school.id, schoolYear: k.schoolYear, code: k.code, label: k.label, levels: k.levels }, school.uai));
    }
    await classes.flush();
    const groups = this.writes(TeachingGroup, "groups", readBack);
    for (const [i, g] of (this.file.groups ?? []).entries()) {
      const school = this.school(g.school, ["groups", i, "school"]);
      if (!school) continue;
      const key = classKey(school.id, g.schoolYear, g.code);
      this.groups.set(key, groups.plan(this.groups.get(key), { schoolId: school.id, schoolYear: g.schoolYear, code: g.code, label: g.label }, school.uai));
    }
    await groups.flush();
    this.advance((this.file.classes?.length ?? 0) + (this.file.groups?.length ?? 0), "classes");
  }

  private async loadPeriodSchemes() {
    const file = this.file.periodSchemes ?? [];
    if (!file.length) return;
    const schemeKey = (schoolId: number, year: number, name: string) => `${schoolId}:${year}:${name}`;
    const schemeIds = [...new Set(file.map((s) => this.schools.get(s.school)?.id).filter((id): id is number => id !== undefined))];
    const stored = new Map((await findIn(this.em, PeriodScheme, "schoolId", schemeIds)).map((s) => [schemeKey(s.schoolId, s.schoolYear, s.name), s]));
    const schemes = this.writes(PeriodScheme, "periodSchemes", { column: "schoolId", key: (s) => schemeKey(s.schoolId, s.schoolYear, s.name) });
    const planned: Array<{ index: number; school: School; scheme: PeriodScheme }> = [];
    for (const [i, s] of file.entries()) {
      const path = ["periodSchemes", i];
      const school = this.school(s.school, [...path, "school"]);
      if (!school) continue;
      try {
        validatePeriods(s.periods, s.schoolYear);
      } catch (error) {
        this.problems.add([...path, "periods"], (error as Error).message);
        continue;
      }
      // Periods are Livret's once set (configurePeriods, R-SEED-01): the file adds a scheme, never changes one.
      const key = schemeKey(school.id, s.schoolYear, s.name);
      if (stored.has(key)) continue;
      const scheme = schemes.plan(null, { schoolId: school.id, schoolYear: s.schoolYear, name: s.name }, school.uai);
      stored.set(key, scheme);
      planned.push({ index: i, school, scheme });
    }
    await schemes.flush();

    const periods = this.writes(Period, "periods");
    const links = this.writes(SchoolClass, "classSchemeLinks");
    for (const { index, school, scheme } of planned) {
      const s = file[index];
      for (const [position, p] of s.periods.entries()) {
        periods.plan(null, { schemeId: scheme.id, position: position + 1, startsOn: p.startsOn, endsOn: p.endsOn });
      }
      // A class already following a scheme keeps it: its link is Livret's too.
      for (const [j, code] of (s.classes ?? []).entries()) {
        const cls = this.schoolClass(school, s.schoolYear, code, ["periodSchemes", index, "classes", j]);
        if (cls && (cls.periodSchemeId ?? null) === null) links.plan(cls, { periodSchemeId: scheme.id });
      }
    }
    await periods.flush();
    await links.flush();
    this.advance(file.length, "periods");
  }

  private async loadPupils() {
    const file = this.file.pupils ?? [];
    const students = this.writes(Student, "pupils", { column: "ine", key: (s) => s.ine });
    // Pupils created, renamed or newly enrolled: their search keys are rebuilt once, at the end.
    const stale = new Set<string>();
    for (const p of file) {
      const existing = this.students.get(p.ine);
      const values = { ine: p.ine, surname: p.surname, firstName: p.firstName, birthDate: p.birthDate ?? null, searchSurname: searchKey(p.surname), searchFirstName: searchKey(p.firstName) };
      if (!existing || existing.searchSurname !== values.searchSurname || existing.searchFirstName !== values.searchFirstName) stale.add(p.ine);
      this.students.set(p.ine, students.plan(existing, values));
    }
    await students.flush();
    this.advance(0, "pupils");

    const ids = file.map((p) => this.students.get(p.ine)!.id);
    const enrolmentKey = (studentId: number, year: number, schoolId: number) => `${studentId}:${year}:${schoolId}`;
    const storedEnrolments = new Map((await findIn(this.em, Enrolment, "studentId", ids)).map((e) => [enrolmentKey(e.studentId, e.schoolYear, e.schoolId), e]));
    const storedMembers = new Set((await findIn(this.em, GroupMembership, "studentId", ids)).map((m) => `${m.groupId}:${m.studentId}`));
    const enrolments = this.writes(Enrolment, "enrolments");
    const members = this.writes(GroupMembership, "groupMemberships");
    for (const [i, p] of file.entries()) {
      const student = this.students.get(p.ine)!;
      for (const [j, e] of (p.enrolments ?? []).entries()) {
        const path = ["pupils", i, "enrolments", j];
        const school = this.school(e.school, [...path, "school"]);
        if (!school) continue;
        const cls = this.schoolClass(school, e.schoolYear, e.class, [...path, "class"]);
        if (!cls) continue;
        if (!cls.levels.includes(e.level as Level)) {
          this.problems.add([...path, "level"], `class ${cls.code} has levels ${cls.levels.join(", ")}, not ${e.level}`);
          continue;
        }
        const key = enrolmentKey(student.id, e.schoolYear, school.id);
        const current = storedEnrolments.get(key);
        if (!current) stale.add(p.ine);
        const values = { studentId: student.id, schoolYear: e.schoolYear, schoolId: school.id, classId: cls.id, level: e.level, schoolPupilId: e.schoolPupilId ?? null };
        storedEnrolments.set(key, enrolments.plan(current, values, school.uai));
        for (const [k, code] of (e.groups ?? []).entries()) {
          const group = this.group(school, e.schoolYear, code, [...path, "groups", k]);
          if (!group || storedMembers.has(`${group.id}:${student.id}`)) continue;
          storedMembers.add(`${group.id}:${student.id}`);
          members.plan(null, { groupId: group.id, studentId: student.id });
        }
      }
      if (i % 1000 === 999) this.advance(1000, "pupils");
    }
    await enrolments.flush();
    await members.flush();
    await refreshSearchKeys(this.em, [...stale].map((ine) => this.students.get(ine)!.id));
    this.advance(file.length % 1000, "pupils");
  }

  /** Plans an account by login; refuses a login that belongs to the other kind of account. */
  private account(writes: TableWrites<Account>, login: string, kind: AccountKind, values: Partial<Account>, path: JsonPath): Account | null {
    const existing = this.accounts.get(login);
    if (existing && existing.kind !== kind) {
      this.problems.add([...path, "login"], `login ${login} already belongs to a ${existing.kind.toLowerCase()} account`);
      return null;
    }
    const saved = writes.plan(existing, { login, kind, ...values });
    this.accounts.set(login, saved);
    return saved;
  }

  private async loadGuardians() {
    const file = this.file.guardians ?? [];
    if (!file.length) return;
    const accounts = this.writes(Account, "guardians", { column: "login", key: (a) => a.login });
    const planned: Array<[number, Account]> = [];
    for (const [i, g] of file.entries()) {
      const account = this.account(accounts, g.login, AccountKind.GUARDIAN, { surname: g.surname, firstName: g.firstName, educonnectActive: g.educonnectActive }, ["guardians", i]);
      if (account) planned.push([i, account]);
    }
    await accounts.flush();
    const linkKey = (studentId: number, accountId: number) => `${studentId}:${accountId}`;
    const stored = new Map(
      (await findIn(this.em, StudentGuardian, "guardianAccountId", planned.map(([, a]) => a.id))).map((l) => [linkKey(l.studentId, l.guardianAccountId), l]),
    );
    const links = this.writes(StudentGuardian, "guardianLinks");
    for (const [i, account] of planned) {
      for (const [j, child] of file[i].children.entries()) {
        const student = this.student(child.ine, ["guardians", i, "children", j, "ine"]);
        if (!student) continue;
        const key = linkKey(student.id, account.id);
        stored.set(key, links.plan(stored.get(key), { studentId: student.id, guardianAccountId: account.id, relationship: child.relationship ?? null }));
      }
    }
    await links.flush();
    this.advance(file.length, "guardians");
  }

  /** The stored role grants of these accounts, by account id. */
  private async grantsOf(accountIds: number[]): Promise<Map<number, Array<Partial<RoleAssignment>>>> {
    const grants = new Map<number, Array<Partial<RoleAssignment>>>();
    for (const g of await findIn(this.em, RoleAssignment, "accountId", accountIds)) grants.set(g.accountId, [...(grants.get(g.accountId) ?? []), g]);
    return grants;
  }

  private grant(grants: Map<number, Array<Partial<RoleAssignment>>>, writes: TableWrites<RoleAssignment>, accountId: number, role: Role, schoolId: number | null, academyId: number | null) {
    const held = grants.get(accountId) ?? [];
    if (held.some((g) => g.role === role && (g.schoolId ?? null) === schoolId && (g.academyId ?? null) === academyId)) return;
    held.push(writes.plan(null, { accountId, role, schoolId, academyId }));
    grants.set(accountId, held);
  }

  private async loadStaff() {
    const file = this.file.staff ?? [];
    if (!file.length) return;
    const accounts = this.writes(Account, "staff", { column: "login", key: (a) => a.login });
    const planned: Array<[number, Account]> = [];
    for (const [i, s] of file.entries()) {
      const account = this.account(accounts, s.login, AccountKind.STAFF, { surname: s.surname, firstName: s.firstName }, ["staff", i]);
      if (account) planned.push([i, account]);
    }
    await accounts.flush();
    const grants = await this.grantsOf(planned.map(([, a]) => a.id));
    const roles = this.writes(RoleAssignment, "roles");
    for (const [i, account] of planned) {
      for (const [j, r] of file[i].roles.entries()) {
        const path = ["staff", i, "roles", j];
        const school = r.school ? this.school(r.school, [...path, "school"]) : null;
        const academy = r.academy ? this.academy(r.academy, [...path, "academy"]) : null;
        if ((r.school && !school) || (r.academy && !academy)) continue;
        if (school && ((r.role === "DIRECTOR" && school.degree !== Degree.FIRST) || (r.role === "HEAD" && school.degree !== Degree.SECOND))) {
          this.problems.add([...path, "role"], `${r.role} does not lead a ${school.degree} degree school`);
          continue;
        }
        this.grant(grants, roles, account.id, r.role, school?.id ?? null, academy?.id ?? null);
      }
    }
    await roles.flush();
    this.advance(file.length, "staff");
  }

  private async loadAssignments() {
    const file = this.file.assignments ?? [];
    if (!file.length) return;
    const accountIds = [...new Set(file.map((a) => this.accounts.get(a.login)?.id).filter((id): id is number => id !== undefined))];
    const grants = await this.grantsOf(accountIds);
    const assignmentKey = (a: Partial<TeachingAssignment>) => `${a.accountId}:${a.schoolYear}:${a.classId ?? ""}:${a.groupId ?? ""}:${a.subjectCode}`;
    const stored = new Set((await findIn(this.em, TeachingAssignment, "accountId", accountIds)).map(assignmentKey));
    const roles = this.writes(RoleAssignment, "roles");
    const assignments = this.writes(TeachingAssignment, "assignments");
    for (const [i, a] of file.entries()) {
      const path = ["assignments", i];
      const account = this.accounts.get(a.login);
      if (!account || account.kind !== AccountKind.STAFF) {
        this.problems.add([...path, "login"], `no staff account with login ${a.login}`);
        continue;
      }
      const school = this.school(a.school, [...path, "school"]);
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
      const cls = a.class ? this.schoolClass(school, a.schoolYear, a.class, [...path, "class"]) : null;
      const group = a.group ? this.group(school, a.schoolYear, a.group, [...path, "group"]) : null;
      if (!cls && !group) continue;
      // Teaching at a school makes the account one of its TEACHERs.
      if (!(grants.get(account.id) ?? []).some((g) => g.role === Role.TEACHER && g.schoolId === school.id)) {
        this.grant(grants, roles, account.id, Role.TEACHER, school.id, null);
      }
      const values = { accountId: account.id, schoolYear: a.schoolYear, classId: cls?.id ?? null, groupId: group?.id ?? null, subjectCode: a.subject };
      if (stored.has(assignmentKey(values))) continue;
      stored.add(assignmentKey(values));
      assignments.plan(null, values);
    }
    await roles.flush();
    await assignments.flush();
    this.advance(file.length, "teaching");
  }

  /**
   * The domain bounds of src/common/bounds.ts, counted after the file's rows are written (inside the
   * transaction, so stored rows the file does not name count too). A bound exceeded is reported at the
   * file's last record that adds to it: the one to remove or move.
   */
  private async checkBounds() {
    const f = this.file;
    const lastClassOf = new Map<string, JsonPath>();
    const lastGroupOf = new Map<string, JsonPath>();
    const lastSchemeOf = new Map<string, JsonPath>();
    const lastPupilIn = new Map<number, JsonPath>();
    const lastMemberOf = new Map<number, JsonPath>();
    const pupilPath = new Map<number, JsonPath>();
    const pupilYearGroups = new Map<string, JsonPath>();
    const lastGuardianOf = new Map<number, JsonPath>();
    const guardianPath = new Map<number, JsonPath>();
    const staffPath = new Map<number, JsonPath>();
    const lastAssignment = new Map<string, JsonPath>();

    for (const [i, k] of (f.classes ?? []).entries()) {
      const school = this.schools.get(k.school);
      if (school) lastClassOf.set(`${school.id}:${k.schoolYear}`, ["classes", i]);
    }
    for (const [i, g] of (f.groups ?? []).entries()) {
      const school = this.schools.get(g.school);
      if (school) lastGroupOf.set(`${school.id}:${g.schoolYear}`, ["groups", i]);
    }
    for (const [i, s] of (f.periodSchemes ?? []).entries()) {
      const school = this.schools.get(s.school);
      if (school) lastSchemeOf.set(`${school.id}:${s.schoolYear}`, ["periodSchemes", i]);
    }
    for (const [i, p] of (f.pupils ?? []).entries()) {
      const student = this.students.get(p.ine);
      if (!student) continue;
      pupilPath.set(student.id, ["pupils", i, "enrolments"]);
      for (const [j, e] of (p.enrolments ?? []).entries()) {
        const school = this.schools.get(e.school);
        const cls = school && this.classes.get(classKey(school.id, e.schoolYear, e.class));
        if (cls) lastPupilIn.set(cls.id, ["pupils", i, "enrolments", j]);
        for (const [k, code] of (e.groups ?? []).entries()) {
          const group = school && this.groups.get(classKey(school.id, e.schoolYear, code));
          if (!group) continue;
          lastMemberOf.set(group.id, ["pupils", i, "enrolments", j, "groups", k]);
          pupilYearGroups.set(`${student.id}:${e.schoolYear}`, ["pupils", i, "enrolments", j, "groups"]);
        }
      }
    }
    for (const [i, g] of (f.guardians ?? []).entries()) {
      const account = this.accounts.get(g.login);
      if (account) guardianPath.set(account.id, ["guardians", i, "children"]);
      for (const [j, c] of g.children.entries()) {
        const student = this.students.get(c.ine);
        if (student) lastGuardianOf.set(student.id, ["guardians", i, "children", j]);
      }
    }
    for (const [i, s] of (f.staff ?? []).entries()) {
      const account = this.accounts.get(s.login);
      if (account?.kind === AccountKind.STAFF) staffPath.set(account.id, ["staff", i, "roles"]);
    }
    for (const [i, a] of (f.assignments ?? []).entries()) {
      const account = this.accounts.get(a.login);
      if (account?.kind === AccountKind.STAFF) {
        lastAssignment.set(`${account.id}:${a.schoolYear}`, ["assignments", i]);
        if (!staffPath.has(account.id)) staffPath.set(account.id, ["assignments", i]);
      }
    }

    const perSchoolYear = async (table: string, last: Map<string, JsonPath>, max: number, what: string) => {
      const schoolIds = [...new Set([...last.keys()].map((k) => Number(k.split(":")[0])))];
      for (const row of await this.overCounts(table, ["schoolId", "schoolYear"], "schoolId", schoolIds, max)) {
        const path = last.get(`${row.schoolId}:${row.schoolYear}`);
        const school = [...this.schools.values()].find((s) => s.id === Number(row.schoolId));
        if (path) this.problems.add(path, `school ${school?.uai} would have ${row.n} ${what} in ${row.schoolYear}; at most ${max}`);
      }
    };
    await perSchoolYear("school_class", lastClassOf, BOUND.classesPerSchoolYear, "classes");
    await perSchoolYear("teaching_group", lastGroupOf, BOUND.groupsPerSchoolYear, "groups");
    await perSchoolYear("period_scheme", lastSchemeOf, BOUND.periodSchemesPerSchoolYear, "period schemes");

    const classById = new Map([...this.classes.values()].map((c) => [c.id, c]));
    for (const row of await this.overCounts("enrolment", ["classId"], "classId", [...lastPupilIn.keys()], BOUND.pupilsPerClass)) {
      const cls = classById.get(Number(row.classId))!;
      this.problems.add(lastPupilIn.get(Number(row.classId))!, `class ${cls.code} would hold ${row.n} pupils in ${cls.schoolYear}; at most ${BOUND.pupilsPerClass}`);
    }
    const groupById = new Map([...this.groups.values()].map((g) => [g.id, g]));
    for (const row of await this.overCounts("group_membership", ["groupId"], "groupId", [...lastMemberOf.keys()], BOUND.pupilsPerGroup)) {
      const group = groupById.get(Number(row.groupId))!;
      this.problems.add(lastMemberOf.get(Number(row.groupId))!, `group ${group.code} would hold ${row.n} pupils in ${group.schoolYear}; at most ${BOUND.pupilsPerGroup}`);
    }
    for (const row of await this.overCounts("enrolment", ["studentId"], "studentId", [...pupilPath.keys()], BOUND.enrolmentsPerPupil)) {
      this.problems.add(pupilPath.get(Number(row.studentId))!, `would give the pupil ${row.n} enrolments; at most ${BOUND.enrolmentsPerPupil}`);
    }
    const yearIds = [...new Set([...pupilYearGroups.keys()].map((k) => Number(k.split(":")[0])))];
    for (const chunk of chunks(yearIds)) {
      const rows: Array<{ studentId: number; schoolYear: number; n: number }> = await this.em
        .createQueryBuilder()
        .select(["m.studentId AS studentId", "g.schoolYear AS schoolYear", "COUNT(*) AS n"])
        .from("group_membership", "m")
        .innerJoin("teaching_group", "g", "g.id = m.groupId")
        .where("m.studentId IN (:...chunk)", { chunk })
        .groupBy("m.studentId")
        .addGroupBy("g.schoolYear")
        .having("COUNT(*) > :max", { max: BOUND.groupsPerPupilYear })
        .getRawMany();
      for (const row of rows) {
        const path = pupilYearGroups.get(`${row.studentId}:${row.schoolYear}`);
        if (path) this.problems.add(path, `would put the pupil in ${row.n} groups in ${row.schoolYear}; at most ${BOUND.groupsPerPupilYear}`);
      }
    }
    for (const row of await this.overCounts("student_guardian", ["studentId"], "studentId", [...lastGuardianOf.keys()], BOUND.guardiansPerPupil)) {
      this.problems.add(lastGuardianOf.get(Number(row.studentId))!, `would give the pupil ${row.n} guardians; at most ${BOUND.guardiansPerPupil}`);
    }
    for (const row of await this.overCounts("student_guardian", ["guardianAccountId"], "guardianAccountId", [...guardianPath.keys()], BOUND.childrenPerGuardian)) {
      this.problems.add(guardianPath.get(Number(row.guardianAccountId))!, `would give the guardian ${row.n} children; at most ${BOUND.childrenPerGuardian}`);
    }
    for (const row of await this.overCounts("role_assignment", ["accountId"], "accountId", [...staffPath.keys()], BOUND.rolesPerAccount)) {
      this.problems.add(staffPath.get(Number(row.accountId))!, `would give the account ${row.n} roles (teaching at a school is one); at most ${BOUND.rolesPerAccount}`);
    }
    const teacherIds = [...new Set([...lastAssignment.keys()].map((k) => Number(k.split(":")[0])))];
    for (const row of await this.overCounts("teaching_assignment", ["accountId", "schoolYear"], "accountId", teacherIds, BOUND.assignmentsPerTeacherYear)) {
      const path = lastAssignment.get(`${row.accountId}:${row.schoolYear}`);
      if (path) this.problems.add(path, `would give the teacher ${row.n} teaching assignments in ${row.schoolYear}; at most ${BOUND.assignmentsPerTeacherYear}`);
    }
  }

  /** Groups of `table` rows (by `groupBy`) holding more than `max` rows, among rows whose `column` is one of `ids`. */
  private async overCounts(table: string, groupBy: string[], column: string, ids: number[], max: number): Promise<Array<Record<string, number>>> {
    const found: Array<Record<string, number>> = [];
    for (const chunk of chunks(ids)) {
      const qb = this.em
        .createQueryBuilder()
        .select([...groupBy.map((c) => `t.${c} AS ${c}`), "COUNT(*) AS n"])
        .from(table, "t")
        .where(`t.${column} IN (:...chunk)`, { chunk });
      groupBy.forEach((c) => qb.addGroupBy(`t.${c}`));
      const rows: Array<Record<string, number>> = await qb.having("COUNT(*) > :max", { max }).getRawMany();
      found.push(...rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]))));
    }
    return found;
  }
}

export { DirectoryFileError };
