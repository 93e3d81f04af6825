import { EntityManager } from "typeorm";

/** Demo records of this module, written with the demo reports (src/db/demo-reports.ts). */
export async function seedAttestationDemo(_em: EntityManager): Promise<void> {}
