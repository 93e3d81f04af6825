/**
 * `npm run bench -- import`: a generated 600-pupil collège file (~8 MB, the sample's structure: 24 divisions,
 * 3 trimesters, 10 disciplines with appreciations and program elements, school life, parcours) imported on
 * MariaDB through the same service as POST /imports/lsu. Prints time, SQL statements and peak RSS; the
 * targets (under 5 s, under 300 MB) are printed, not enforced.
 *
 * Database: BENCH_DATABASE_URL, else mysql://root@127.0.0.1:3306/<LIVRET_TEST_DB_PREFIX>bench_import
 * (created, then dropped).
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DataSource } from "typeorm";
import { openDatabase } from "../../src/db/data-source";
import { parseDatabaseUrl } from "../../src/config";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { fixedClock } from "../../src/common/clock";
import { createContext } from "../../src/common/context";
import { currentSchoolYear } from "../../src/common/school-year";
import { loadPrincipal } from "../../src/auth/principal";
import { importLsu } from "../../src/modules/import/import.service";
import { writeLsu2d } from "../../src/modules/import/lsu-writer";

const PUPILS = 600;
const DIVISIONS = ["6", "5", "4", "3"].flatMap((level) => ["A", "B", "C", "D", "E", "F"].map((x) => `${level}${x}`));
const LEVEL: Record<string, string> = { "6": "SIXIEME", "5": "CINQUIEME", "4": "QUATRIEME", "3": "TROISIEME" };
const UAI = "0699999X";
const YEAR = 2026;
const clock = fixedClock("2026-11-28T10:00:00Z");
const DISCIPLINES: Array<[string, string, string, string]> = [
  ["020700", "Français", "Mathieu", "Camille"],
  ["030201", "Anglais (LV1)", "Nguyen", "Linh"],
  ["042100", "Histoire-Géographie", "Michelet", "Jules"],
  ["061300", "Mathématiques", "Fontaine", "Pierre"],
  ["062300", "Physique-Chimie", "Curie", "Marie"],
  ["062900", "Sciences de la vie et de la Terre", "Pasteur", "Louis"],
  ["070800", "Technologie", "Eiffel", "Gustave"],
  ["081300", "Éducation musicale", "Satie", "Erik"],
  ["090100", "Arts plastiques", "Claudel", "Camille"],
  ["100100", "Éducation physique et sportive", "Lenglen", "Suzanne"],
];

function directory(): string {
  return JSON.stringify({
    format: "livret-directory/1",
    academies: [{ code: "A99", name: "Académie du banc d'essai" }],
    schools: [{ uai: UAI, name: "Collège du banc d'essai", degree: "SECOND", academy: "A99" }],
    classes: DIVISIONS.map((code) => ({ school: UAI, schoolYear: YEAR, code, label: code, levels: [LEVEL[code[0]]] })),
    periodSchemes: [
      {
        school: UAI,
        schoolYear: YEAR,
        name: "Trimestres",
        periods: [
          { startsOn: "2026-09-01", endsOn: "2026-11-30" },
          { startsOn: "2026-12-01", endsOn: "2027-03-06" },
          { startsOn: "2027-03-07", endsOn: "2027-07-04" },
        ],
        classes: DIVISIONS,
      },
    ],
    pupils: Array.from({ length: PUPILS }, (_, i) => ({
      ine: `7${String(i).padStart(9, "0")}K`,
      surname: `Nom${i}`,
      firstName: `Prénom${i % 41}`,
      enrolments: [{ school: UAI, schoolYear: YEAR, class: DIVISIONS[i % DIVISIONS.length], level: LEVEL[DIVISIONS[i % DIVISIONS.length][0]], schoolPupilId: 10_000 + i }],
    })),
    staff: [
      { login: "head.bench", surname: "Principal", firstName: "Paul", roles: [{ role: "HEAD", school: UAI }] },
      ...DISCIPLINES.map(([, , surname, firstName], i) => ({ login: `teacher.bench${i}`, surname, firstName, roles: [{ role: "TEACHER", school: UAI }] })),
    ],
  });
}

const TEXT =
  "Travail régulier et sérieux ; les connaissances sont solides et la participation à l'oral progresse. Il faut encore soigner la présentation des écrits et relire ses copies.";

function file(): string {
  return writeLsu2d({
    schemaVersion: "7.0",
    editor: "Banc d'essai",
    application: "Générateur",
    applicationVersion: "1",
    uai: UAI,
    year: YEAR,
    periodCount: 3,
    head: "Paul Principal",
    disciplines: DISCIPLINES.map(([code, label]) => ({ code, label })),
    teachers: DISCIPLINES.map(([, , surname, firstName], i) => ({ stsId: 5000 + i, civility: i % 2 ? "M" : "MME", surname, firstName })),
    pupils: Array.from({ length: PUPILS }, (_, i) => ({ idBe: 10_000 + i, surname: `Nom${i}`, firstName: `Prénom${i % 41}`, division: DIVISIONS[i % DIVISIONS.length] })),
    reports: Array.from({ length: PUPILS * 3 }, (_, k) => {
      const pupil = k % PUPILS;
      const period = Math.floor(k / PUPILS) + 1;
      return {
        pupil,
        period,
        lockedAt: `2026-1${period}-0${period}T18:00:00`.replace("2026-13", "2027-01"),
        synthesis: `${TEXT} Bilan du trimestre ${period}.`,
        entries: DISCIPLINES.map((_, d) => ({
          discipline: d,
          teacher: d,
          positioning: ((pupil + d + period) % 4) + 1,
          appreciation: `${TEXT.slice(0, 150 + ((pupil * 7 + d) % 25))} (${d})`,
          elements: [`Élément ${d}-${period}-a du programme de la discipline`, `Élément ${d}-${period}-b`],
        })),
        parcours: [{ code: "PAR_AVN", text: "Découverte des métiers et rencontre avec des professionnels." }],
        schoolLife: { late: pupil % 4, justified: pupil % 7, unjustified: pupil % 3, comment: "Attitude positive en classe." },
      };
    }),
  });
}

export async function dropDatabase(url: string, name: string) {
  const admin = new DataSource({ type: "mysql", url: url.replace(/\/[^/]*$/, "/") });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.destroy();
}

export async function benchImport(): Promise<void> {
  const prefix = process.env.LIVRET_TEST_DB_PREFIX ?? "livret_";
  const url = process.env.BENCH_DATABASE_URL ?? `mysql://root@127.0.0.1:3306/${prefix}bench_import`;
  const config = parseDatabaseUrl(url);
  if (config.type !== "mysql") throw new Error("the import bench runs on MariaDB/MySQL");
  await dropDatabase(url, config.database);
  const db = await openDatabase(config);
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "livret-bench-import-")), "college.xml");
  try {
    console.log("setting up: directory of a 600-pupil collège …");
    await loadDirectoryText(db.dataSource, directory());
    await db.dataSource.query("UPDATE school_class SET dataSource = 'IMPORT', positioningType = 'SCALE'");
    fs.writeFileSync(tmp, file());
    const bytes = fs.statSync(tmp).size;
    const principal = (await loadPrincipal(db.dataSource.manager, "head.bench", currentSchoolYear(clock)))!;
    const ctx = createContext({ requestId: randomUUID(), principal, dataSource: db.dataSource, clock });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    db.logger.reset();
    const started = performance.now();
    const result = await importLsu(ctx, fs.createReadStream(tmp, { highWaterMark: 256 * 1024 }));
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (result.status !== "IMPORTED") throw new Error(`import did not run: ${JSON.stringify(result).slice(0, 500)}`);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(`file: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${PUPILS} pupils, ${PUPILS * 3} periodic reports, ${PUPILS * 3 * DISCIPLINES.length} entries`);
    console.log(`imported: ${result.batch.importedCount}, rejected: ${result.batch.rejectedCount}`);
    console.log(`time: ${(ms / 1000).toFixed(2)} s (target < 5 s) ${ms < 5000 ? "OK" : "OVER"}`);
    console.log(`SQL statements: ${db.logger.statements}`);
    console.log(`peak RSS during the import: ${mb(peak)} (target < 300 MB) ${peak < 300 * 1024 * 1024 ? "OK" : "OVER"}; before: ${mb(rssBefore)}; process max RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    if (process.env.BENCH_KEEP_FILE) fs.copyFileSync(tmp, process.env.BENCH_KEEP_FILE);
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
    await db.dataSource.destroy();
    await dropDatabase(url, config.database);
  }
}
