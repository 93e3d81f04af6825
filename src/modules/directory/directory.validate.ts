import { findNodeAtLocation, Node, parseTree, ParseError, printParseErrorCode } from "jsonc-parser";
import { Degree, degreeOfLevel, Level, Role } from "../../common/domain";
import { DirectoryFile, DirectoryFileError, DirectoryProblem, formatPath, JsonPath } from "./directory.format";

const UAI = /^[0-9]{7}[A-Z]$/;
const INE = /^[0-9A-Z]{11}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Finds the line of a JSON path in the file's text, so that every message points at its place. The syntax
 * tree and the line table are built only when a problem is reported: a valid academy file is parsed once,
 * by JSON.parse, without holding a node per value.
 */
export class LineLocator {
  private lineStarts: number[] | null = null;
  private tree: Node | undefined | null = null;
  constructor(private readonly text: string) {}
  lineOfOffset(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  lineOf(path: JsonPath): number {
    if (this.tree === null) this.tree = parseTree(this.text, [], { allowTrailingComma: false, disallowComments: true });
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.tree && findNodeAtLocation(this.tree, path.slice(0, depth));
      if (node) return this.lineOfOffset(node.offset);
    }
    return 1;
  }
}

/** Problems are kept by path; their lines are found when they are reported. */
export class ProblemList {
  private readonly found: Array<{ path: JsonPath; message: string }> = [];
  constructor(private readonly locator: LineLocator) {}
  get size(): number {
    return this.found.length;
  }
  add(path: JsonPath, message: string): void {
    this.found.push({ path, message });
  }
  throwIfAny(): void {
    if (!this.found.length) return;
    const items: DirectoryProblem[] = this.found.map((p) => ({ line: this.locator.lineOf(p.path), path: formatPath(p.path), message: p.message }));
    throw new DirectoryFileError(items.sort((a, b) => a.line - b.line));
  }
}

/** Parses the text; syntax errors are reported with their line, and nothing else is checked then. */
export function parseDirectoryText(text: string): { data: unknown; locator: LineLocator } {
  const locator = new LineLocator(text);
  try {
    return { data: JSON.parse(text), locator };
  } catch (parseError) {
    // Only a broken file is parsed a second time, for the lines of its errors.
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (!errors.length && !tree) throw new DirectoryFileError([{ line: 1, path: "", message: "the file is empty" }]);
    if (!errors.length) throw new DirectoryFileError([{ line: 1, path: "", message: `JSON syntax error: ${(parseError as Error).message}` }]);
    throw new DirectoryFileError(
      errors.map((e) => ({ line: locator.lineOfOffset(e.offset), path: "", message: `JSON syntax error: ${printParseErrorCode(e.error)}` })),
    );
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Field checks that record a problem and return whether the value is usable. */
class Checker {
  constructor(private readonly problems: ProblemList) {}
  text(o: Obj, key: string, path: JsonPath, max: number, required = true): boolean {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.problems.add([...path, key], "is required");
      return !required;
    }
    if (typeof v !== "string" || v.trim() === "") return this.fail([...path, key], "must be a non-blank string");
    if (v.length > max) return this.fail([...path, key], `must be at most ${max} characters (has ${v.length})`);
    return true;
  }
  pattern(o: Obj, key: string, path: JsonPath, re: RegExp, what: string): boolean {
    if (!this.text(o, key, path, 100)) return false;
    if (!re.test(o[key] as string)) return this.fail([...path, key], `must be ${what}`);
    return true;
  }
  oneOf<T extends string>(o: Obj, key: string, path: JsonPath, values: readonly T[]): boolean {
    if (!values.includes(o[key] as T)) return this.fail([...path, key], `must be one of ${values.join(", ")}`);
    return true;
  }
  year(o: Obj, key: string, path: JsonPath): boolean {
    const v = o[key];
    if (!Number.isInteger(v) || (v as number) < 2000 || (v as number) > 2100) return this.fail([...path, key], "must be a school year such as 2026");
    return true;
  }
  date(o: Obj, key: string, path: JsonPath, required: boolean): boolean {
    const v = o[key];
    if (v === undefined || v === null) return required ? this.fail([...path, key], "is required") : true;
    if (typeof v !== "string" || !ISO_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
      return this.fail([...path, key], "must be a date YYYY-MM-DD");
    }
    return true;
  }
  bool(o: Obj, key: string, path: JsonPath, required: boolean): boolean {
    const v = o[key];
    if (v === undefined) return required ? this.fail([...path, key], "is required") : true;
    if (typeof v !== "boolean") return this.fail([...path, key], "must be true or false");
    return true;
  }
  list(o: Obj, key: string, path: JsonPath, required = false): unknown[] {
    const v = o[key];
    if (v === undefined) {
      if (required) this.problems.add([...path, key], "is required");
      return [];
    }
    if (!Array.isArray(v)) {
      this.problems.add([...path, key], "must be a list");
      return [];
    }
    return v;
  }
  objects(o: Obj, key: string, path: JsonPath, required = false): Array<[Obj, JsonPath]> {
    return this.list(o, key, path, required).flatMap((item, i) => {
      if (isObj(item)) return [[item, [...path, key, i]] as [Obj, JsonPath]];
      this.problems.add([...path, key, i], "must be an object");
      return [];
    });
  }
  private fail(path: JsonPath, message: string): false {
    this.problems.add(path, message);
    return false;
  }
}

/** Checks shapes, formats and lengths, and references within the file. References to the database are checked on load. */
export function validateDirectory(data: unknown, locator: LineLocator): DirectoryFile {
  const problems = new ProblemList(locator);
  const c = new Checker(problems);
  if (!isObj(data)) {
    problems.add([], "the file must hold one JSON object");
    problems.throwIfAny();
  }
  const root = data as Obj;
  if (root.format !== "livret-directory/1") problems.add(["format"], 'must be "livret-directory/1"');
  const known = new Set(["format", "academies", "schools", "subjects", "classes", "groups", "periodSchemes", "pupils", "guardians", "staff", "assignments"]);
  for (const key of Object.keys(root)) if (!known.has(key)) problems.add([key], "is not a known section");

  const schoolDegree = new Map<string, Degree>();
  for (const [a, p] of c.objects(root, "academies", [])) {
    c.text(a, "code", p, 10);
    c.text(a, "name", p, 100);
  }
  for (const [s, p] of c.objects(root, "schools", [])) {
    c.pattern(s, "uai", p, UAI, "a UAI: 7 digits and a capital letter");
    c.text(s, "name", p, 100);
    if (c.oneOf(s, "degree", p, Object.values(Degree)) && typeof s.uai === "string") schoolDegree.set(s.uai, s.degree as Degree);
    c.text(s, "academy", p, 10);
    c.bool(s, "onlineServiceOpen", p, false);
  }
  for (const [s, p] of c.objects(root, "subjects", [])) {
    c.text(s, "code", p, 10);
    c.text(s, "label", p, 100);
    c.oneOf(s, "degree", p, Object.values(Degree));
    c.text(s, "parentCode", p, 10, false);
  }
  for (const [k, p] of c.objects(root, "classes", [])) {
    c.text(k, "school", p, 8);
    c.year(k, "schoolYear", p);
    c.text(k, "code", p, 20);
    c.text(k, "label", p, 50);
    const levels = c.list(k, "levels", p, true);
    if (Array.isArray(k.levels) && levels.length === 0) problems.add([...p, "levels"], "must name at least one level");
    levels.forEach((level, i) => {
      if (!Object.values(Level).includes(level as Level)) problems.add([...p, "levels", i], `must be one of ${Object.values(Level).join(", ")}`);
      else if (schoolDegree.has(k.school as string) && degreeOfLevel(level as Level) !== schoolDegree.get(k.school as string)) {
        problems.add([...p, "levels", i], `${level} is not a level of a ${schoolDegree.get(k.school as string)} degree school`);
      }
    });
  }
  for (const [g, p] of c.objects(root, "groups", [])) {
    c.text(g, "school", p, 8);
    c.year(g, "schoolYear", p);
    c.text(g, "code", p, 20);
    c.text(g, "label", p, 50);
  }
  for (const [s, p] of c.objects(root, "periodSchemes", [])) {
    c.text(s, "school", p, 8);
    c.year(s, "schoolYear", p);
    c.text(s, "name", p, 50);
    const periods = c.objects(s, "periods", p, true);
    if (Array.isArray(s.periods) && (periods.length < 1 || periods.length > 6)) problems.add([...p, "periods"], "must hold 1 to 6 periods");
    for (const [period, pp] of periods) {
      c.date(period, "startsOn", pp, true);
      c.date(period, "endsOn", pp, true);
    }
    c.list(s, "classes", p).forEach((code, i) => {
      if (typeof code !== "string") problems.add([...p, "classes", i], "must be a class code");
    });
  }
  const ines = new Map<string, JsonPath>();
  for (const [pupil, p] of c.objects(root, "pupils", [])) {
    if (c.pattern(pupil, "ine", p, INE, "an INE: 11 digits or capital letters")) {
      if (ines.has(pupil.ine as string)) problems.add([...p, "ine"], `repeats the INE of ${formatPath(ines.get(pupil.ine as string)!)}`);
      ines.set(pupil.ine as string, p);
    }
    c.text(pupil, "surname", p, 100);
    c.text(pupil, "firstName", p, 100);
    c.date(pupil, "birthDate", p, false);
    const enrolmentKeys = new Set<string>();
    for (const [e, ep] of c.objects(pupil, "enrolments", p)) {
      // One enrolment per school and year: a second one would overwrite the first on every load.
      const key = `${String(e.school)}:${String(e.schoolYear)}`;
      if (enrolmentKeys.has(key)) problems.add(ep, `repeats the enrolment in school ${String(e.school)} for ${String(e.schoolYear)}`);
      enrolmentKeys.add(key);
      c.text(e, "school", ep, 8);
      c.year(e, "schoolYear", ep);
      c.text(e, "class", ep, 20);
      c.oneOf(e, "level", ep, Object.values(Level));
      // The pupil's id in the school's base (SIECLE id-be), by which 2D LSU files name pupils.
      if (e.schoolPupilId !== undefined && e.schoolPupilId !== null && !(Number.isInteger(e.schoolPupilId) && (e.schoolPupilId as number) > 0)) {
        problems.add([...ep, "schoolPupilId"], "must be a positive integer");
      }
      c.list(e, "groups", ep).forEach((code, i) => {
        if (typeof code !== "string") problems.add([...ep, "groups", i], "must be a group code");
      });
    }
  }
  const logins = new Map<string, JsonPath>();
  const checkLogin = (o: Obj, p: JsonPath) => {
    if (!c.text(o, "login", p, 100)) return;
    if (logins.has(o.login as string)) problems.add([...p, "login"], `repeats the login of ${formatPath(logins.get(o.login as string)!)}`);
    logins.set(o.login as string, p);
  };
  for (const [g, p] of c.objects(root, "guardians", [])) {
    checkLogin(g, p);
    c.text(g, "surname", p, 100);
    c.text(g, "firstName", p, 100);
    c.bool(g, "educonnectActive", p, true);
    for (const [child, cp] of c.objects(g, "children", p, true)) {
      c.pattern(child, "ine", cp, INE, "an INE: 11 digits or capital letters");
      c.text(child, "relationship", cp, 40, false);
    }
  }
  for (const [s, p] of c.objects(root, "staff", [])) {
    checkLogin(s, p);
    c.text(s, "surname", p, 100);
    c.text(s, "firstName", p, 100);
    for (const [r, rp] of c.objects(s, "roles", p, true)) {
      if (!c.oneOf(r, "role", rp, Object.values(Role))) continue;
      if (r.role === Role.DASEN) {
        c.text(r, "academy", rp, 10);
        if (r.school !== undefined) problems.add([...rp, "school"], "a DASEN holds an academy, not a school");
      } else {
        c.text(r, "school", rp, 8);
        if (r.academy !== undefined) problems.add([...rp, "academy"], `a ${r.role} holds a school, not an academy`);
        const degree = schoolDegree.get(r.school as string);
        if (r.role === Role.DIRECTOR && degree === Degree.SECOND) problems.add([...rp, "role"], "a collège is led by a HEAD, not a DIRECTOR");
        if (r.role === Role.HEAD && degree === Degree.FIRST) problems.add([...rp, "role"], "an école is led by a DIRECTOR, not a HEAD");
      }
    }
  }
  for (const [a, p] of c.objects(root, "assignments", [])) {
    c.text(a, "login", p, 100);
    c.text(a, "school", p, 8);
    c.year(a, "schoolYear", p);
    c.text(a, "subject", p, 10);
    const hasClass = a.class !== undefined;
    const hasGroup = a.group !== undefined;
    if (hasClass === hasGroup) problems.add(p, "must name exactly one of class or group");
    if (hasClass) c.text(a, "class", p, 20);
    if (hasGroup) c.text(a, "group", p, 20);
  }
  problems.throwIfAny();
  return root as unknown as DirectoryFile;
}
