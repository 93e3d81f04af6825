import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { groupedByKey } from "../../common/grouping";
import { Attestation } from "./attestation.entity";
import { PixCertification, PixCompetenceLevel } from "./pix-certification.entity";

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createAttestationLoaders(ctx: Context) {
  const ds = ctx.dataSource;

  return {
    /** Attestations of each pupil, by date obtained. Scope and academy are decided by the field's rule and the service. */
    attestationsByStudent: new DataLoader<number, Attestation[]>(async (ids) => {
      const rows = await ds.getRepository(Attestation).find({ where: { studentId: In([...ids]) }, order: { obtainedOn: "ASC", id: "ASC" } });
      return groupedByKey(ids, rows, (r) => r.studentId);
    }),

    /** Pix certifications of each pupil, newest first. */
    pixCertificationsByStudent: new DataLoader<number, PixCertification[]>(async (ids) => {
      const rows = await ds.getRepository(PixCertification).find({ where: { studentId: In([...ids]) }, order: { certifiedOn: "DESC", id: "DESC" } });
      return groupedByKey(ids, rows, (r) => r.studentId);
    }),

    /** Competence levels of each certification, by competence code. */
    pixCompetencesByCertification: new DataLoader<number, PixCompetenceLevel[]>(async (ids) => {
      const rows = await ds
        .getRepository(PixCompetenceLevel)
        .find({ where: { certificationId: In([...ids]) }, order: { competence: "ASC" } });
      return groupedByKey(ids, rows, (r) => r.certificationId);
    }),
  };
}
