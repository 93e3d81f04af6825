import { Attestation } from "./attestation.entity";
import { PixCertification, PixCompetenceLevel } from "./pix-certification.entity";

/** Entities of this module, registered in src/db/entities.ts. */
export const ATTESTATION_ENTITIES: Function[] = [Attestation, PixCertification, PixCompetenceLevel];
