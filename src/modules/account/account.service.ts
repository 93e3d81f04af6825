import { In } from "typeorm";
import { Context } from "../../common/context";
import { notAuthenticated } from "../../common/errors";
import { Academy } from "../school/academy.entity";
import { School } from "../school/school.entity";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { Subject } from "../subject/subject.entity";
import { Account } from "./account.entity";
import { RoleAssignment } from "./role-assignment.entity";
import { TeachingAssignment } from "./teaching-assignment.entity";
import { Me } from "./account.types";

/** The caller's own account, roles and this year's teaching, in a fixed number of statements. */
export async function me(ctx: Context): Promise<Me> {
  const p = ctx.principal;
  if (!p) throw notAuthenticated();
  const em = ctx.dataSource.manager;
  const [account, grants, assignments] = await Promise.all([
    em.findOneOrFail(Account, { where: { id: p.accountId } }),
    em.find(RoleAssignment, { where: { accountId: p.accountId }, order: { id: "ASC" } }),
    em.find(TeachingAssignment, { where: { accountId: p.accountId, schoolYear: ctx.schoolYear }, order: { id: "ASC" } }),
  ]);
  const ids = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];
  const [schools, academies, classes, groups, subjects] = await Promise.all([
    findIn(ctx, School, ids(grants.map((g) => g.schoolId))),
    findIn(ctx, Academy, ids(grants.map((g) => g.academyId))),
    findIn(ctx, SchoolClass, ids(assignments.map((a) => a.classId))),
    findIn(ctx, TeachingGroup, ids(assignments.map((a) => a.groupId))),
    ctx.dataSource.getRepository(Subject).findBy({ code: In(ids(assignments.map((a) => a.subjectCode))) }),
  ]);
  return {
    id: account.id,
    login: account.login,
    kind: account.kind,
    surname: account.surname,
    firstName: account.firstName,
    educonnectActive: account.educonnectActive,
    roles: grants.map((g) => ({
      role: g.role,
      school: schools.find((s) => s.id === g.schoolId) ?? null,
      academy: academies.find((a) => a.id === g.academyId) ?? null,
    })),
    teaching: assignments.map((a) => ({
      subject: subjects.find((s) => s.code === a.subjectCode) as Subject,
      schoolClass: classes.find((c) => c.id === a.classId) ?? null,
      group: groups.find((g) => g.id === a.groupId) ?? null,
    })),
  };
}

async function findIn<E extends { id: number }>(ctx: Context, entity: new () => E, ids: number[]): Promise<E[]> {
  return ids.length ? ctx.dataSource.getRepository(entity).findBy({ id: In(ids) } as never) : [];
}
