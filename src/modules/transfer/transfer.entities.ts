import { InterAcademicTransfer } from "./inter-academic-transfer.entity";

/** Entities of this module, registered in src/db/entities.ts. */
export const TRANSFER_ENTITIES: Function[] = [InterAcademicTransfer];
