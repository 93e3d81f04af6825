import { EntityManager, In } from "typeorm";
import { StudentSearchKey } from "./student-search-key.entity";

/** Rows per INSERT and ids per IN list: well under both drivers' parameter limits. */
const CHUNK = 500;

/**
 * Rebuilds the search keys of these pupils from their enrolments and stored names (R-SEED-14):
 * their rows are deleted, then one row per (school, year, distinct name form) is inserted, in chunks.
 */
export async function refreshSearchKeys(em: EntityManager, studentIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(studentIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await em.delete(StudentSearchKey, { studentId: In(chunk) });
    const rows: Array<{ studentId: number | string; schoolId: number | string; schoolYear: number | string; searchSurname: string; searchFirstName: string }> =
      await em
        .createQueryBuilder()
        .select(["e.studentId AS studentId", "e.schoolId AS schoolId", "e.schoolYear AS schoolYear"])
        .addSelect(["s.searchSurname AS searchSurname", "s.searchFirstName AS searchFirstName"])
        .from("enrolment", "e")
        .innerJoin("student", "s", "s.id = e.studentId")
        .where("e.studentId IN (:...chunk)", { chunk })
        .getRawMany();
    const keys = new Map<string, StudentSearchKey>();
    for (const r of rows) {
      for (const searchKey of [r.searchSurname, r.searchFirstName]) {
        if (!searchKey) continue;
        const key = { schoolId: Number(r.schoolId), schoolYear: Number(r.schoolYear), searchKey, studentId: Number(r.studentId) };
        keys.set(`${key.schoolId}:${key.schoolYear}:${key.studentId}:${searchKey}`, key);
      }
    }
    const values = [...keys.values()];
    for (let j = 0; j < values.length; j += CHUNK) await em.insert(StudentSearchKey, values.slice(j, j + CHUNK));
  }
}
