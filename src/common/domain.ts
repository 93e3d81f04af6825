import { registerEnumType } from "type-graphql";

/** 1er degré (école) or 2d degré (collège). */
export enum Degree {
  FIRST = "FIRST",
  SECOND = "SECOND",
}

/** School levels, CP to 3e, in teaching order. */
export enum Level {
  CP = "CP",
  CE1 = "CE1",
  CE2 = "CE2",
  CM1 = "CM1",
  CM2 = "CM2",
  SIXIEME = "SIXIEME",
  CINQUIEME = "CINQUIEME",
  QUATRIEME = "QUATRIEME",
  TROISIEME = "TROISIEME",
}

export const FIRST_DEGREE_LEVELS: readonly Level[] = [Level.CP, Level.CE1, Level.CE2, Level.CM1, Level.CM2];
export const SECOND_DEGREE_LEVELS: readonly Level[] = [Level.SIXIEME, Level.CINQUIEME, Level.QUATRIEME, Level.TROISIEME];

export function degreeOfLevel(level: Level): Degree {
  return FIRST_DEGREE_LEVELS.includes(level) ? Degree.FIRST : Degree.SECOND;
}

/** Where a class's reports come from (source de données). */
export enum ReportDataSource {
  ENTRY = "ENTRY",
  IMPORT = "IMPORT",
}

/** One positioning system per class (R-PUB-06). */
export enum PositioningType {
  OBJECTIVES = "OBJECTIVES",
  SCALE = "SCALE",
  GRADES = "GRADES",
}

export enum Role {
  TEACHER = "TEACHER",
  DIRECTOR = "DIRECTOR",
  HEAD = "HEAD",
  DASEN = "DASEN",
}

export enum AccountKind {
  STAFF = "STAFF",
  GUARDIAN = "GUARDIAN",
}

registerEnumType(Degree, { name: "Degree", description: "FIRST = 1er degré (école, CP–CM2); SECOND = 2d degré (collège, 6e–3e)." });
registerEnumType(Level, { name: "Level", description: "School level, CP to 3e (SIXIEME = 6e … TROISIEME = 3e)." });
registerEnumType(ReportDataSource, {
  name: "ReportDataSource",
  description: "ENTRY: reports typed into Livret; IMPORT: reports pushed by school software as LSU XML.",
});
registerEnumType(PositioningType, {
  name: "PositioningType",
  description: "OBJECTIVES or SCALE: a 1–4 positioning; GRADES: a grade average.",
});
registerEnumType(Role, { name: "Role", description: "A staff role; guardians hold none." });
registerEnumType(AccountKind, { name: "AccountKind", description: "STAFF (ministry agent identity) or GUARDIAN (EduConnect)." });
