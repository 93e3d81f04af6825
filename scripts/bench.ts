/**
 * `npm run bench [-- SECTION ...]`: the project's benchmark. With no section named, every section runs in turn;
 * each section prints its own figures and states its targets (printed, never enforced: timings depend on the machine).
 */
import "reflect-metadata";
import { benchPermissions } from "./bench/permissions";
import { benchLimits } from "./bench/limits";
import { benchImport } from "./bench/import";
import { benchOverload } from "./bench/overload";
import { benchAcademy } from "./bench/academy";

const SECTIONS: Record<string, { about: string; run: (args: string[]) => Promise<void> }> = {
  permissions: { about: "what the permission layer costs on a 1,000-row list", run: () => benchPermissions() },
  import: { about: "a 600-pupil collège LSU file (~8 MB) imported on MariaDB: time, statements, peak RSS", run: () => benchImport() },
  academy: { about: "the directory loader on a generated 100,000-pupil academy (BENCH_PUPILS) on MariaDB: time, peak RSS, unchanged reload", run: () => benchAcademy() },
  limits: { about: "the heaviest requests the limits accept on a 900-pupil school: time, heap, answer size", run: () => benchLimits() },
  overload: { about: "4 to 200 concurrent clients of a class's reports on MariaDB: goodput, p99, answers shed (503/429), no 500", run: () => benchOverload() },
};

async function main(argv: string[]): Promise<void> {
  const named = argv.filter((a) => !a.startsWith("-"));
  const unknown = named.filter((n) => !SECTIONS[n]);
  if (unknown.length) {
    console.error(`unknown bench section(s): ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  for (const name of named.length ? named : Object.keys(SECTIONS)) {
    console.log(`\n=== ${name}: ${SECTIONS[name].about}\n`);
    await SECTIONS[name].run(argv);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
