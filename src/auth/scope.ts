import { Brackets, SelectQueryBuilder, WhereExpressionBuilder } from "typeorm";
import { Degree } from "../common/domain";
import { Context } from "../common/context";
import { isGuardian, isStaff } from "./principal";

/**
 * Row-level scope, written into SQL so that filtering happens before paging and counting.
 * Each function adds one bracketed OR of the caller's grants; a caller with no grant gets `1 = 0`.
 * Parameter names are prefixed with the alias so several scopes can share one query.
 */
type Clause = [sql: string, params: Record<string, unknown>];

function orOf(qb: WhereExpressionBuilder, clauses: Clause[]): void {
  if (clauses.length === 0) {
    qb.andWhere("1 = 0");
    return;
  }
  qb.andWhere(
    new Brackets((inner) => {
      clauses.forEach(([sql, params], i) => (i === 0 ? inner.where(sql, params) : inner.orWhere(sql, params)));
    }),
  );
}

/** Schools the caller may see: led or taught in, and for a DASEN the FIRST-degree schools of their academy. */
export function scopeSchools<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Clause[] = [];
  if (isStaff(p)) {
    const ids = [...new Set([...p.leadSchoolIds, ...p.teacherSchoolIds])];
    if (ids.length) clauses.push([`${alias}.id IN (:...${alias}_schoolIds)`, { [`${alias}_schoolIds`]: ids }]);
    if (p.dasenAcademyIds.length) {
      clauses.push([
        `(${alias}.academyId IN (:...${alias}_dasenAcademies) AND ${alias}.degree = :${alias}_first)`,
        { [`${alias}_dasenAcademies`]: p.dasenAcademyIds, [`${alias}_first`]: Degree.FIRST },
      ]);
    }
  }
  orOf(qb, clauses);
  return qb;
}

/** Classes: all of a led school; for teachers, the classes they teach this year. */
export function scopeClasses<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Clause[] = [];
  if (isStaff(p)) {
    if (p.leadSchoolIds.length) clauses.push([`${alias}.schoolId IN (:...${alias}_lead)`, { [`${alias}_lead`]: p.leadSchoolIds }]);
    if (p.teaching.classIds.length) clauses.push([`${alias}.id IN (:...${alias}_taught)`, { [`${alias}_taught`]: p.teaching.classIds }]);
  }
  orOf(qb, clauses);
  return qb;
}

/** Groups: all of a led school; for teachers, the groups they teach this year. */
export function scopeGroups<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Clause[] = [];
  if (isStaff(p)) {
    if (p.leadSchoolIds.length) clauses.push([`${alias}.schoolId IN (:...${alias}_lead)`, { [`${alias}_lead`]: p.leadSchoolIds }]);
    if (p.teaching.groupIds.length) clauses.push([`${alias}.id IN (:...${alias}_taught)`, { [`${alias}_taught`]: p.teaching.groupIds }]);
  }
  orOf(qb, clauses);
  return qb;
}

/**
 * Pupils the caller may see this year.
 * Staff: pupils enrolled this year in a school they lead, in a class they teach, or in a group they teach.
 * Guardians: their own children while EduConnect is active (R-SEED-13), except a pupil of a
 * SECOND-degree school whose online service is still closed (R-SEED-11).
 */
export function scopeStudents<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Clause[] = [];
  const year = { [`${alias}_year`]: ctx.schoolYear };
  if (isStaff(p)) {
    if (p.leadSchoolIds.length) {
      clauses.push([
        `EXISTS (SELECT 1 FROM enrolment ${alias}_le WHERE ${alias}_le.studentId = ${alias}.id AND ${alias}_le.schoolYear = :${alias}_year AND ${alias}_le.schoolId IN (:...${alias}_lead))`,
        { ...year, [`${alias}_lead`]: p.leadSchoolIds },
      ]);
    }
    if (p.teaching.classIds.length) {
      clauses.push([
        `EXISTS (SELECT 1 FROM enrolment ${alias}_ce WHERE ${alias}_ce.studentId = ${alias}.id AND ${alias}_ce.classId IN (:...${alias}_classes))`,
        { [`${alias}_classes`]: p.teaching.classIds },
      ]);
    }
    if (p.teaching.groupIds.length) {
      clauses.push([
        `EXISTS (SELECT 1 FROM group_membership ${alias}_gm WHERE ${alias}_gm.studentId = ${alias}.id AND ${alias}_gm.groupId IN (:...${alias}_groups))`,
        { [`${alias}_groups`]: p.teaching.groupIds },
      ]);
    }
  } else if (isGuardian(p) && p.educonnectActive && p.guardianStudentIds.length) {
    clauses.push([
      `(${alias}.id IN (:...${alias}_children) AND NOT EXISTS (SELECT 1 FROM enrolment ${alias}_ge INNER JOIN school ${alias}_gs ON ${alias}_gs.id = ${alias}_ge.schoolId WHERE ${alias}_ge.studentId = ${alias}.id AND ${alias}_ge.schoolYear = :${alias}_year AND ${alias}_gs.degree = :${alias}_second AND ${alias}_gs.onlineServiceOpen = :${alias}_closed))`,
      { ...year, [`${alias}_children`]: p.guardianStudentIds, [`${alias}_second`]: Degree.SECOND, [`${alias}_closed`]: false },
    ]);
  }
  orOf(qb, clauses);
  return qb;
}

/**
 * Periodic reports staff may work on: every report of a school they lead (any year, for amendments),
 * reports of the classes they teach this year, and this year's reports of the pupils of their groups.
 * Guardians' reading of locked reports is a separate scope (the online service).
 */
export function scopeReports<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Clause[] = [];
  if (isStaff(p)) {
    if (p.leadSchoolIds.length) {
      clauses.push([
        `${alias}.classId IN (SELECT ${alias}_lc.id FROM school_class ${alias}_lc WHERE ${alias}_lc.schoolId IN (:...${alias}_lead))`,
        { [`${alias}_lead`]: p.leadSchoolIds },
      ]);
    }
    if (p.teaching.classIds.length) {
      clauses.push([`${alias}.classId IN (:...${alias}_classes)`, { [`${alias}_classes`]: p.teaching.classIds }]);
    }
    if (p.teaching.groupIds.length) {
      clauses.push([
        `(${alias}.schoolYear = :${alias}_year AND EXISTS (SELECT 1 FROM group_membership ${alias}_gm WHERE ${alias}_gm.studentId = ${alias}.studentId AND ${alias}_gm.groupId IN (:...${alias}_groups)))`,
        { [`${alias}_year`]: ctx.schoolYear, [`${alias}_groups`]: p.teaching.groupIds },
      ]);
    }
  }
  orOf(qb, clauses);
  return qb;
}

/**
 * End-of-cycle reports a staff member may work on (read by id, edit, lock): every report of a school
 * they lead, and the reports of the pupils of the classes they teach this year, made by that same
 * school. No ownership: any teacher of the class works on a colleague's report (R-SEED-18). Reading
 * the pupil's list (`Student.cycleReports`) is wider (R-SEED-12).
 */
export function scopeWorkableCycleReports<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Clause[] = [];
  if (isStaff(p)) {
    if (p.leadSchoolIds.length) clauses.push([`${alias}.schoolId IN (:...${alias}_lead)`, { [`${alias}_lead`]: p.leadSchoolIds }]);
    if (p.teaching.classIds.length) {
      clauses.push([
        `EXISTS (SELECT 1 FROM enrolment ${alias}_ce WHERE ${alias}_ce.studentId = ${alias}.studentId AND ${alias}_ce.schoolId = ${alias}.schoolId AND ${alias}_ce.schoolYear = :${alias}_year AND ${alias}_ce.classId IN (:...${alias}_classes))`,
        { [`${alias}_year`]: ctx.schoolYear, [`${alias}_classes`]: p.teaching.classIds },
      ]);
    }
  }
  orOf(qb, clauses);
  return qb;
}
