import { Degree, Level, Role } from "../../common/domain";

/**
 * The directory file: reference data as ONDE (1D) or SIECLE/STS (2D) would send it.
 * Records point at each other by natural keys (academy code, UAI, class code, INE, login).
 */
export interface DirectoryFile {
  format: "livret-directory/1";
  academies?: Array<{ code: string; name: string }>;
  schools?: Array<{ uai: string; name: string; degree: Degree; academy: string; onlineServiceOpen?: boolean }>;
  subjects?: Array<{ code: string; label: string; degree: Degree; parentCode?: string | null }>;
  classes?: Array<{ school: string; schoolYear: number; code: string; label: string; levels: Level[] }>;
  groups?: Array<{ school: string; schoolYear: number; code: string; label: string }>;
  periodSchemes?: Array<{
    school: string;
    schoolYear: number;
    name: string;
    periods: Array<{ startsOn: string; endsOn: string }>;
    classes?: string[];
  }>;
  pupils?: Array<{
    ine: string;
    surname: string;
    firstName: string;
    birthDate?: string | null;
    enrolments?: Array<{ school: string; schoolYear: number; class: string; level: Level; groups?: string[]; schoolPupilId?: number | null }>;
  }>;
  guardians?: Array<{
    login: string;
    surname: string;
    firstName: string;
    educonnectActive: boolean;
    children: Array<{ ine: string; relationship?: string | null }>;
  }>;
  staff?: Array<{
    login: string;
    surname: string;
    firstName: string;
    roles: Array<{ role: Role; school?: string; academy?: string }>;
  }>;
  assignments?: Array<{ login: string; school: string; schoolYear: number; class?: string; group?: string; subject: string }>;
}

export type JsonPath = Array<string | number>;

/** One problem in a directory file, located by line and JSON path. */
export interface DirectoryProblem {
  line: number;
  path: string;
  message: string;
}

export class DirectoryFileError extends Error {
  constructor(readonly problems: DirectoryProblem[]) {
    super(
      `The directory file was rejected; nothing was written.\n` +
        problems.map((p) => `  line ${p.line}: ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"),
    );
  }
}

export const formatPath = (path: JsonPath) =>
  path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
