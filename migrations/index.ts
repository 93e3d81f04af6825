import { Foundation1764300000000 } from "./1764300000000-foundation";

/** Every migration, in order. The only way the schema changes. */
export const MIGRATIONS = [Foundation1764300000000];
