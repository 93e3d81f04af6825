import fs from "node:fs";
import { buildBareSchema, printSortedSchema, SCHEMA_FILE } from "../schema";

/** `write` regenerates schema.graphql; `check` fails when the checked-in file is stale. */
async function main(mode: string): Promise<void> {
  const printed = printSortedSchema(await buildBareSchema());
  if (mode === "write") {
    fs.writeFileSync(SCHEMA_FILE, printed);
    console.log(`Wrote ${SCHEMA_FILE}`);
    return;
  }
  const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
  if (current !== printed) {
    console.error("schema.graphql is out of date with the code: run `npm run schema` and commit the result.");
    process.exit(1);
  }
  console.log("schema.graphql is up to date.");
}

main(process.argv[2] ?? "check").catch((error) => {
  console.error(error);
  process.exit(1);
});
