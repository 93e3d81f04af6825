import { SelectQueryBuilder } from "typeorm";
import { Context } from "../../common/context";
import { badInput, forbidden } from "../../common/errors";
import { parseId } from "../../common/ids";
import { Page } from "../../common/paging";
import { scopeStudents } from "../../auth/scope";
import { findVisibleSchool } from "../school/school.service";
import { Student } from "../student/student.entity";
import { searchKey } from "../student/search-key";
import { SearchStudentsArgs } from "./home.types";

const MAX_NAME_LENGTH = 100;
const MAX_WORDS = 3;
/** Bound as a parameter: a backslash literal is written differently in SQLite and MariaDB. */
const LIKE_ESCAPE = "\\";

/** The words of a search, in stored form; BAD_USER_INPUT unless 1 to 3 words within 100 characters. */
export function searchWords(name: string): string[] {
  if (name.length > MAX_NAME_LENGTH) throw badInput("name", `must be at most ${MAX_NAME_LENGTH} characters`);
  const words = searchKey(name).split(" ").filter((w) => w.length > 0);
  if (words.length < 1 || words.length > MAX_WORDS) throw badInput("name", `must hold 1 to ${MAX_WORDS} words`);
  return words;
}

/** A LIKE prefix pattern matching `word` literally. */
export const likePrefix = (word: string) => `${word.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;

/** Above every character a name can hold: `word + MAX` bounds the words that start with `word` (binary order). */
const AFTER_ANY = "\u{10FFFF}";

/**
 * The ids of the pupils whose every word starts their surname or first name, as the union of two
 * disjoint parts so that the composite index serves both: (a) pupils whose surname starts with one of
 * the words — a range seek on IDX_student_search's leading column; (b) pupils matched by first name
 * alone — a scan of that (covering) index, never of the table.
 *
 * SQLite's LIKE is case-insensitive, so it never seeks a BINARY index: part (a) also states the range
 * itself there (values are stored lowercase, so the range is exact). MariaDB seeks `LIKE 'w%'` as it is;
 * its unicode_ci order is not code-point order, so it gets no hand-made range.
 */
function matchingIds(ctx: Context, words: string[], params: Record<string, unknown>): string {
  const sqlite = ctx.dataSource.options.type === "better-sqlite3";
  const like = (column: string, i: number) => `${column} LIKE :search_w${i} ESCAPE :search_escape`;
  words.forEach((word, i) => {
    params[`search_w${i}`] = likePrefix(word);
    params[`search_lo${i}`] = word;
    params[`search_hi${i}`] = word + AFTER_ANY;
  });
  const surnameSeek = words
    .map((_, i) => (sqlite ? `(n.searchSurname >= :search_lo${i} AND n.searchSurname < :search_hi${i} AND ${like("n.searchSurname", i)})` : like("n.searchSurname", i)))
    .join(" OR ");
  const eachWord = words.map((_, i) => `(${like("n.searchSurname", i)} OR ${like("n.searchFirstName", i)})`).join(" AND ");
  const firstNameOnly = words.map((_, i) => `${like("f.searchFirstName", i)} AND NOT ${like("f.searchSurname", i)}`).join(" AND ");
  return `(SELECT n.id AS id FROM student n WHERE (${surnameSeek}) AND ${eachWord}
           UNION ALL
           SELECT f.id AS id FROM student f WHERE ${firstNameOnly})`;
}

/**
 * R-SEED-14 in one statement (plus its count): pupils in the caller's scope whose every word starts
 * their surname or first name, with a periodic report, an end-of-cycle report or an attestation of the
 * current year in this school; ordered by name as stored for search.
 */
export function searchQuery(ctx: Context, schoolId: number, words: string[]): SelectQueryBuilder<Student> {
  const params: Record<string, unknown> = { search_escape: LIKE_ESCAPE, search_school: schoolId, search_year: ctx.schoolYear };
  const qb = ctx.dataSource
    .getRepository(Student)
    .createQueryBuilder("s")
    .innerJoin(matchingIds(ctx, words, params), "m", "m.id = s.id")
    .where(
      `(EXISTS (SELECT 1 FROM periodic_report sr INNER JOIN school_class sc ON sc.id = sr.classId
                WHERE sr.studentId = s.id AND sc.schoolId = :search_school AND sc.schoolYear = :search_year)
        OR EXISTS (SELECT 1 FROM cycle_report scr WHERE scr.studentId = s.id AND scr.schoolId = :search_school AND scr.schoolYear = :search_year)
        OR EXISTS (SELECT 1 FROM attestation sa WHERE sa.studentId = s.id AND sa.schoolId = :search_school AND sa.schoolYear = :search_year))`,
      params,
    )
    .orderBy("s.searchSurname", "ASC")
    .addOrderBy("s.searchFirstName", "ASC")
    .addOrderBy("s.id", "ASC");
  return scopeStudents(ctx, qb, "s");
}

/**
 * Staff of the school search its pupils by name (R-SEED-14): its DIRECTOR/HEAD all of them, its
 * teachers those of their classes and groups. A school the caller cannot see is NOT_FOUND.
 */
export async function searchStudents(ctx: Context, args: SearchStudentsArgs): Promise<Page<Student>> {
  const school = await findVisibleSchool(ctx, parseId(args.schoolId, "schoolId"));
  const p = ctx.principal!;
  if (!p.leadSchoolIds.includes(school.id) && !p.teacherSchoolIds.includes(school.id)) {
    throw forbidden("Only the staff of this school may search its pupils.");
  }
  const qb = searchQuery(ctx, school.id, searchWords(args.name));
  // offset/limit rather than paginate's skip/take: with a join, skip/take costs an extra id query.
  const [items, totalCount] = await qb.offset(args.offset).limit(args.limit).getManyAndCount();
  return { items, totalCount, offset: args.offset, limit: args.limit };
}
