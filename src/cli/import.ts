import "reflect-metadata";
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { loadConfig } from "../config";
import { openDatabase } from "../db/data-source";
import { fixedClock, systemClock } from "../common/clock";
import { createContext } from "../common/context";
import { currentSchoolYear } from "../common/school-year";
import { LivretError } from "../common/errors";
import { Degree, Role } from "../common/domain";
import { loadPrincipal } from "../auth/principal";
import { School } from "../modules/school/school.entity";
import { Account } from "../modules/account/account.entity";
import { RoleAssignment } from "../modules/account/role-assignment.entity";
import { importLsu } from "../modules/import/import.service";
import { toBatchViews } from "../modules/import/import.view";
import { progressBar } from "./progress";

const USAGE = "usage: npm run import -- --school <UAI> [--as <login>] <file.xml>";

function parseArgs(argv: string[]): { school: string; as: string | null; file: string } | null {
  let school: string | null = null;
  let as: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--school") school = argv[++i] ?? null;
    else if (argv[i] === "--as") as = argv[++i] ?? null;
    else if (!file) file = argv[i];
    else return null;
  }
  return school && file ? { school, as, file } : null;
}

/**
 * npm run import -- --school <UAI> <file.xml>: imports an LSU file as the school's DIRECTOR/HEAD (or --as a
 * login that is). Exit 0: every report imported; 1: some reports rejected; 2: the file was refused.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(args.file)) {
    console.error(`${args.file}: no such file`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const em = db.dataSource.manager;
    const school = await em.findOne(School, { where: { uai: args.school } });
    if (!school) {
      console.error(`No school ${args.school}.`);
      return 2;
    }
    let login = args.as;
    if (!login) {
      const lead = await em
        .createQueryBuilder(Account, "a")
        .innerJoin(RoleAssignment, "r", "r.accountId = a.id")
        .where("r.schoolId = :id AND r.role = :role", { id: school.id, role: school.degree === Degree.FIRST ? Role.DIRECTOR : Role.HEAD })
        .orderBy("a.id", "ASC")
        .getOne();
      if (!lead) {
        console.error(`School ${args.school} has no ${school.degree === Degree.FIRST ? "DIRECTOR" : "HEAD"} to import as.`);
        return 2;
      }
      login = lead.login;
    }
    const clock = config.today ? fixedClock(config.today) : systemClock;
    const principal = await loadPrincipal(em, login, currentSchoolYear(clock));
    if (!principal) {
      console.error(`No account ${login}.`);
      return 2;
    }
    const ctx = createContext({ requestId: randomUUID(), principal, dataSource: db.dataSource, clock });
    const size = fs.statSync(args.file).size;
    const bar = progressBar(size);
    let phase = "";
    const result = await importLsu(ctx, fs.createReadStream(args.file, { highWaterMark: 256 * 1024 }), {
      expectedUai: args.school,
      totalBytes: size,
      onProgress: (done, total, p) => {
        if (p !== phase) {
          bar.done();
          phase = p;
        }
        bar.update(p === "read" ? done : done, p === "read" ? "reading" : "writing");
        void total;
      },
    }).finally(() => bar.done());
    if (result.status === "REFUSED") {
      console.error(`${args.file}: refused, nothing was imported.`);
      for (const p of result.problems) console.error(`  line ${p.line}: ${p.element} [${p.rule}] ${p.message}`);
      return 2;
    }
    const [batch] = await toBatchViews(em, [result.batch]);
    if (result.status === "UNCHANGED") {
      console.log(`${args.file} was already imported (batch ${batch.id}): nothing changed.`);
      return batch.rejectedCount ? 1 : 0;
    }
    console.log(`Imported ${args.file} into ${school.name} as ${login} (batch ${batch.id}, ${batch.editor} ${batch.application}${batch.applicationVersion ? ` ${batch.applicationVersion}` : ""}).`);
    const rows = batch.outcomes.map((o) => [
      String(o.position + 1),
      o.kind,
      o.pupil,
      o.period === null ? (o.cycle === null ? "" : `cycle ${o.cycle}`) : `P${o.period}`,
      o.outcome,
      o.messages.map((m) => `${m.code} (${m.rule})`).join(", "),
    ]);
    const header = ["#", "kind", "pupil", "period", "outcome", "messages"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of rows) console.log(line(r));
    console.log(`\n${batch.importedCount} imported, ${batch.warningCount} with warnings, ${batch.rejectedCount} rejected, ${batch.replacedCount} replaced.`);
    return batch.rejectedCount ? 1 : 0;
  } catch (error) {
    if (error instanceof LivretError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await db.dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
