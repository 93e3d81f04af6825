import { checkLength } from "../../common/text";
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
import { maySearchPupils } from "./home.policy";

const MAX_NAME_LENGTH = 100;
const MAX_WORDS = 3;
/** Bound as a parameter: a backslash literal is written differently in SQLite and MariaDB. */
const LIKE_ESCAPE = "\\";

/** The words of a search, in stored form; BAD_USER_INPUT unless 1 to 3 words within 100 characters. */
export function searchWords(name: string): string[] {
  checkLength(name, "name", MAX_NAME_LENGTH);
  const words = searchKey(name).split(" ").filter((w) => w.length > 0);
  if (words.length < 1 || words.length > MAX_WORDS) throw badInput("name", `must hold 1 to ${MAX_WORDS} words`);
  return words;
}

/** A LIKE prefix pattern matching `word` literally. */
export const likePrefix = (word: string) => `${word.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;

/** Above every character a name can hold: `word + MAX` bounds the words that start with `word` (binary order). */
const AFTER_ANY = "\u{10FFFF}";

/**
 * The pupils enrolled in this school this year with a name form starting with one of the words: a
 * range seek on student_search_key's primary key (schoolId, schoolYear, searchKey, …), so the cost
 * follows the school's size, not the academy's. Every word must start the surname or the first name,
 * so the matches of any one word hold the answer; the longest word is the most selective. The other
 * words are checked on the pupil's row.
 *
 * SQLite's LIKE is case-insensitive, so it never seeks a BINARY index: the range is also stated
 * itself there (values are stored lowercase, so it is exact). MariaDB seeks `LIKE 'w%'` as it is;
 * its unicode_ci order is not code-point order, so it gets no hand-made range.
 */
function candidateIds(ctx: Context, words: string[], params: Record<string, unknown>): string {
  const sqlite = ctx.dataSource.options.type === "better-sqlite3";
  const seek = words.reduce((best, word) => (word.length > best.length ? word : best), "");
  params.search_seek = likePrefix(seek);
  params.search_lo = seek;
  params.search_hi = seek + AFTER_ANY;
  const range = `${sqlite ? "k.searchKey >= :search_lo AND k.searchKey < :search_hi AND " : ""}k.searchKey LIKE :search_seek ESCAPE :search_escape`;
  return `(SELECT DISTINCT k.studentId AS id FROM student_search_key k
           WHERE k.schoolId = :search_school AND k.schoolYear = :search_year AND ${range})`;
}

/** Every word starts the pupil's surname or first name (as stored for search). */
function everyWord(words: string[], params: Record<string, unknown>): string {
  const like = (column: string, i: number) => `s.${column} LIKE :search_w${i} ESCAPE :search_escape`;
  words.forEach((word, i) => (params[`search_w${i}`] = likePrefix(word)));
  return words.map((_, i) => `(${like("searchSurname", i)} OR ${like("searchFirstName", i)})`).join(" AND ");
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
    .innerJoin(candidateIds(ctx, words, params), "m", "m.id = s.id")
    .where(everyWord(words, params), params)
    .andWhere(
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
  if (!maySearchPupils(ctx, school)) {
    throw forbidden("Only the staff of this school may search its pupils.");
  }
  const qb = searchQuery(ctx, school.id, searchWords(args.name));
  // offset/limit rather than paginate's skip/take: with a join, skip/take costs an extra id query.
  const [items, totalCount] = await qb.offset(args.offset).limit(args.limit).getManyAndCount();
  return { items, totalCount, offset: args.offset, limit: args.limit };
}
