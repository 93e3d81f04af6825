/** Entities of this module, registered in src/db/entities.ts. */
export const ATTESTATION_ENTITIES: Function[] = [];
