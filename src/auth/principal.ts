import { EntityManager } from "typeorm";
import { AccountKind, Degree, Role } from "../common/domain";

/** What a teacher teaches this year: subject codes per class and per group. */
export interface Teaching {
  classIds: number[];
  groupIds: number[];
  subjectsByClass: Map<number, Set<string>>;
  subjectsByGroup: Map<number, Set<string>>;
}

/**
 * The caller, as the database describes them (roles never come from token claims).
 * Loaded with two statements; the HTTP layer keeps it per token for a few seconds (caller-cache.ts).
 */
export interface Principal {
  accountId: number;
  /** The account's login (the token's subject). */
  login: string;
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

interface GrantRow {
  accountId: number | string;
  kind: AccountKind;
  educonnectActive: number | boolean | string;
  role: Role | null;
  schoolId: number | string | null;
  academyId: number | string | null;
  degree: Degree | null;
}

const num = (v: number | string) => Number(v);

/**
 * Two statements, raw rows (this runs on every request the caller cache misses): the account with its
 * role grants and each granted school's degree, then either this year's teaching assignments (staff) or
 * the children (guardians).
 */
export async function loadPrincipal(em: EntityManager, login: string, schoolYear: number): Promise<Principal | null> {
  const rows: GrantRow[] = await em.query(
    `SELECT a.id AS accountId, a.kind AS kind, a.educonnectActive AS educonnectActive,
            r.role AS role, r.schoolId AS schoolId, r.academyId AS academyId, s.degree AS degree
       FROM account a
       LEFT JOIN role_assignment r ON r.accountId = a.id
       LEFT JOIN school s ON s.id = r.schoolId
      WHERE a.login = ?
      ORDER BY r.id`,
    [login],
  );
  if (!rows.length) return null;
  const accountId = num(rows[0].accountId);
  const kind = rows[0].kind;
  if (kind === AccountKind.GUARDIAN) {
    const links: Array<{ studentId: number | string }> = await em.query("SELECT studentId FROM student_guardian WHERE guardianAccountId = ?", [accountId]);
    return {
      ...emptyPrincipal(accountId, login, kind),
      guardianStudentIds: links.map((l) => num(l.studentId)),
      educonnectActive: rows[0].educonnectActive === true || Number(rows[0].educonnectActive) === 1,
    };
  }
  const assignments: Array<{ classId: number | string | null; groupId: number | string | null; subjectCode: string }> = await em.query(
    "SELECT classId, groupId, subjectCode FROM teaching_assignment WHERE accountId = ? AND schoolYear = ?",
    [accountId, schoolYear],
  );
  const grants = rows
    .filter((r) => r.role !== null)
    .map((r) => ({
      role: r.role as Role,
      schoolId: r.schoolId === null ? null : num(r.schoolId),
      academyId: r.academyId === null ? null : num(r.academyId),
      degree: r.degree,
    }));
  const schoolIdsOf = (...roles: Role[]) =>
    unique(grants.filter((g) => roles.includes(g.role) && g.schoolId !== null).map((g) => g.schoolId as number));
  // A HEAD grant only counts on a SECOND-degree school, a DIRECTOR grant on a FIRST-degree one.
  const validLead = grants.filter(
    (g) => g.schoolId !== null && g.degree !== null && g.role === (g.degree === Degree.FIRST ? Role.DIRECTOR : g.degree === Degree.SECOND ? Role.HEAD : null),
  );
  const teaching: Teaching = { classIds: [], groupIds: [], subjectsByClass: new Map(), subjectsByGroup: new Map() };
  for (const a of assignments) {
    if (a.classId !== null) addTo(teaching.subjectsByClass, num(a.classId), a.subjectCode);
    if (a.groupId !== null) addTo(teaching.subjectsByGroup, num(a.groupId), a.subjectCode);
  }
  teaching.classIds = [...teaching.subjectsByClass.keys()];
  teaching.groupIds = [...teaching.subjectsByGroup.keys()];
  return {
    ...emptyPrincipal(accountId, login, kind),
    roles: new Set(grants.map((g) => g.role)),
    leadSchoolIds: unique(validLead.map((g) => g.schoolId as number)),
    headSchoolIds: unique(validLead.filter((g) => g.degree === Degree.SECOND).map((g) => g.schoolId as number)),
    teacherSchoolIds: schoolIdsOf(Role.TEACHER),
    dasenAcademyIds: unique(grants.filter((g) => g.role === Role.DASEN && g.academyId !== null).map((g) => g.academyId as number)),
    teaching,
  };
}

function emptyPrincipal(accountId: number, login: string, kind: AccountKind): Principal {
  return {
    accountId,
    login,
    kind,
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
