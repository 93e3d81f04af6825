import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { Subject } from "./subject.entity";

/** The national subject (2D) and domain (1D) codes, optionally for one degree. */
export function listSubjects(ctx: Context, degree?: Degree | null): Promise<Subject[]> {
  return ctx.dataSource.getRepository(Subject).find({ where: degree ? { degree } : {}, order: { code: "ASC" } });
}
