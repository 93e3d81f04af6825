import { Foundation1764300000000 } from "./1764300000000-foundation";
import { PeriodicReports1764400000000 } from "./1764400000000-periodic-reports";

/** Every migration, in order. The only way the schema changes. */
export const MIGRATIONS = [Foundation1764300000000, PeriodicReports1764400000000];
