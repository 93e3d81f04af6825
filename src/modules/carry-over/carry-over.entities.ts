/** Entities of this module, registered in src/db/entities.ts. */
export const CARRY_OVER_ENTITIES: Function[] = [];
