import fs from "node:fs";
import { DataSource } from "typeorm";
import { randomUUID } from "node:crypto";
import { DEMO_DIRECTORY_FILE, DEMO_LSU_FILE, DEMO_REPORTS_FILE } from "../common/project-root";
import { Clock, systemClock } from "../common/clock";
import { createContext } from "../common/context";
import { currentSchoolYear } from "../common/school-year";
import { loadPrincipal } from "../auth/principal";
import { importLsu } from "../modules/import/import.service";
import { loadDemoReports } from "./demo-reports";
import { Academy } from "../modules/school/academy.entity";
import { loadDirectoryText, LoadSummary } from "../modules/directory/directory.service";

/** Loads the demo directory and reports when the database holds no school data yet. Returns null when it did nothing. */
export async function loadDemoDataIfEmpty(dataSource: DataSource, clock: Clock = systemClock): Promise<LoadSummary | null> {
  if ((await dataSource.getRepository(Academy).count()) > 0) return null;
  return loadDemoData(dataSource, clock);
}

export async function loadDemoData(dataSource: DataSource, clock: Clock = systemClock): Promise<LoadSummary> {
  const summary = await loadDirectoryText(dataSource, fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));
  await loadDemoReports(dataSource, fs.readFileSync(DEMO_REPORTS_FILE(), "utf8"));
  await importDemoLsu(dataSource, clock);
  return summary;
}

/** Class 3E of the demo collège is set to IMPORT: its reports arrive as school software would send them. */
export async function importDemoLsu(dataSource: DataSource, clock: Clock = systemClock): Promise<void> {
  const principal = await loadPrincipal(dataSource.manager, "head.hugo", currentSchoolYear(clock));
  if (!principal) return;
  const ctx = createContext({ requestId: randomUUID(), principal, dataSource, clock });
  const result = await importLsu(ctx, fs.createReadStream(DEMO_LSU_FILE()));
  if (result.status === "REFUSED" || result.batch.rejectedCount > 0) {
    console.warn(`The demo LSU file (${DEMO_LSU_FILE()}) was not fully imported: is the school year ${currentSchoolYear(clock)}-${currentSchoolYear(clock) + 1} the demo's (2026-2027)?`);
  }
}

/** Logins of the demo personas, in the order the README lists them. */
export const DEMO_PERSONAS: Array<{ login: string; who: string }> = [
  { login: "director.moulin", who: "DIRECTOR, École Jean Moulin (1D, academy A01)" },
  { login: "head.hugo", who: "HEAD, Collège Victor Hugo (2D, academy A01)" },
  { login: "director.parc", who: "DIRECTOR, École du Parc (1D, academy A02)" },
  { login: "dasen.lyon", who: "DASEN, academy A01" },
  { login: "teacher.cp", who: "TEACHER, class teacher of CP (Jean Moulin)" },
  { login: "teacher.ce1", who: "TEACHER, class teacher of CE1 (Jean Moulin)" },
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
