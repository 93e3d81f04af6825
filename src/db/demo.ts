import fs from "node:fs";
import { DataSource } from "typeorm";
import { DEMO_DIRECTORY_FILE, DEMO_REPORTS_FILE } from "../common/project-root";
import { loadDemoReports } from "./demo-reports";
import { Academy } from "../modules/school/academy.entity";
import { loadDirectoryText, LoadSummary } from "../modules/directory/directory.service";

/** Loads the demo directory and reports when the database holds no school data yet. Returns null when it did nothing. */
export async function loadDemoDataIfEmpty(dataSource: DataSource): Promise<LoadSummary | null> {
  if ((await dataSource.getRepository(Academy).count()) > 0) return null;
  return loadDemoData(dataSource);
}

export async function loadDemoData(dataSource: DataSource): Promise<LoadSummary> {
  const summary = await loadDirectoryText(dataSource, fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));
  await loadDemoReports(dataSource, fs.readFileSync(DEMO_REPORTS_FILE(), "utf8"));
  return summary;
}

/** Logins of the demo personas, in the order the README lists them. */
export const DEMO_PERSONAS: Array<{ login: string; who: string }> = [
  { login: "director.moulin", who: "DIRECTOR, École Jean Moulin (1D, academy A01)" },
  { login: "head.hugo", who: "HEAD, Collège Victor Hugo (2D, academy A01)" },
  { login: "director.parc", who: "DIRECTOR, École du Parc (1D, academy A02)" },
  { login: "dasen.lyon", who: "DASEN, academy A01" },
  { login: "teacher.cp", who: "TEACHER, class teacher of CP (Jean Moulin)" },
  { login: "teacher.ce2cm1", who: "TEACHER, double-level CE2/CM1 (Jean Moulin)" },
  { login: "teacher.cm2", who: "TEACHER, CM2 (Jean Moulin)" },
  { login: "teacher.maths", who: "TEACHER, mathematics in 6A, 5A, 4A (Victor Hugo)" },
  { login: "teacher.francais", who: "TEACHER, French in 6A and 3A (Victor Hugo)" },
  { login: "teacher.latin", who: "TEACHER, Latin group only (Victor Hugo)" },
  { login: "teacher.parc", who: "TEACHER, CM2 (École du Parc)" },
  { login: "parent.martin", who: "GUARDIAN, EduConnect active: Léa (CP) and Hugo (6e)" },
  { login: "parent.durand", who: "GUARDIAN, EduConnect inactive: Éloïse (CE2)" },
  { login: "parent.bernard", who: "GUARDIAN, EduConnect active: Lucas (5e)" },
];
