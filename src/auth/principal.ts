import { EntityManager, In } from "typeorm";
import { AccountKind, Degree, Role } from "../common/domain";
import { Account } from "../modules/account/account.entity";
import { RoleAssignment } from "../modules/account/role-assignment.entity";
import { TeachingAssignment } from "../modules/account/teaching-assignment.entity";
import { StudentGuardian } from "../modules/account/student-guardian.entity";
import { School } from "../modules/school/school.entity";

/** What a teacher teaches this year: subject codes per class and per group. */
export interface Teaching {
  classIds: number[];
  groupIds: number[];
  subjectsByClass: Map<number, Set<string>>;
  subjectsByGroup: Map<number, Set<string>>;
}

/**
 * The caller, as the database describes them (roles never come from token claims).
 * Loaded once per request with a fixed number of statements.
 */
export interface Principal {
  accountId: number;
  kind: AccountKind;
  roles: ReadonlySet<Role>;
  /** Schools where the caller is DIRECTOR (1D) or HEAD (2D). */
  leadSchoolIds: number[];
  /** Schools where the caller is HEAD (2D only). */
  headSchoolIds: number[];
  /** Schools where the caller holds the TEACHER role. */
  teacherSchoolIds: number[];
  /** Academies where the caller is DASEN. */
  dasenAcademyIds: number[];
  /** The current school year's teaching assignments. */
  teaching: Teaching;
  /** Guardians: their children, and whether EduConnect lets them in at all (R-SEED-13). */
  guardianStudentIds: number[];
  educonnectActive: boolean;
}

export async function loadPrincipal(em: EntityManager, login: string, schoolYear: number): Promise<Principal | null> {
  const account = await em.findOne(Account, { where: { login } });
  if (!account) return null;
  if (account.kind === AccountKind.GUARDIAN) {
    const links = await em.find(StudentGuardian, { where: { guardianAccountId: account.id }, select: { studentId: true } });
    return {
      ...emptyPrincipal(account),
      guardianStudentIds: links.map((l) => l.studentId),
      educonnectActive: account.educonnectActive,
    };
  }
  const [grants, assignments] = await Promise.all([
    em.find(RoleAssignment, { where: { accountId: account.id } }),
    em.find(TeachingAssignment, { where: { accountId: account.id, schoolYear } }),
  ]);
  const schoolIdsOf = (...roles: Role[]) =>
    unique(grants.filter((g) => roles.includes(g.role) && g.schoolId !== null).map((g) => g.schoolId as number));
  const leadSchoolIds = schoolIdsOf(Role.DIRECTOR, Role.HEAD);
  // A HEAD grant only counts on a SECOND-degree school, a DIRECTOR grant on a FIRST-degree one.
  const leadSchools = leadSchoolIds.length ? await em.find(School, { where: { id: In(leadSchoolIds) } }) : [];
  const validLead = leadSchools.filter((s) =>
    grants.some((g) => g.schoolId === s.id && g.role === (s.degree === Degree.FIRST ? Role.DIRECTOR : Role.HEAD)),
  );
  const teaching: Teaching = { classIds: [], groupIds: [], subjectsByClass: new Map(), subjectsByGroup: new Map() };
  for (const a of assignments) {
    if (a.classId !== null) addTo(teaching.subjectsByClass, a.classId, a.subjectCode);
    if (a.groupId !== null) addTo(teaching.subjectsByGroup, a.groupId, a.subjectCode);
  }
  teaching.classIds = [...teaching.subjectsByClass.keys()];
  teaching.groupIds = [...teaching.subjectsByGroup.keys()];
  return {
    ...emptyPrincipal(account),
    roles: new Set(grants.map((g) => g.role)),
    leadSchoolIds: validLead.map((s) => s.id),
    headSchoolIds: validLead.filter((s) => s.degree === Degree.SECOND).map((s) => s.id),
    teacherSchoolIds: schoolIdsOf(Role.TEACHER),
    dasenAcademyIds: unique(grants.filter((g) => g.role === Role.DASEN && g.academyId !== null).map((g) => g.academyId as number)),
    teaching,
  };
}

function emptyPrincipal(account: Account): Principal {
  return {
    accountId: account.id,
    kind: account.kind,
    roles: new Set(),
    leadSchoolIds: [],
    headSchoolIds: [],
    teacherSchoolIds: [],
    dasenAcademyIds: [],
    teaching: { classIds: [], groupIds: [], subjectsByClass: new Map(), subjectsByGroup: new Map() },
    guardianStudentIds: [],
    educonnectActive: false,
  };
}

function addTo(map: Map<number, Set<string>>, key: number, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

export const isStaff = (p: Principal | null): p is Principal & { kind: AccountKind.STAFF } => p?.kind === AccountKind.STAFF;
export const isGuardian = (p: Principal | null): p is Principal & { kind: AccountKind.GUARDIAN } =>
  p?.kind === AccountKind.GUARDIAN;
