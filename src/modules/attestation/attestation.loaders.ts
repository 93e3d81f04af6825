import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { groupedByKey } from "../../common/grouping";
import { Attestation } from "./attestation.entity";
import { PixCertification, PixCompetenceLevel } from "./pix-certification.entity";

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createAttestationLoaders(ctx: Context) {
  const ds = ctx.dataSource;

  /** Rows per pupil for the pupils in scope; null for a pupil the caller may not see. */
  const scopedRows = async <E extends { studentId: number }>(ids: readonly number[], load: (visibleIds: number[]) => Promise<E[]>): Promise<Array<E[] | null>> => {
    const flags = await ctx.loaders.studentInScope.loadMany(ids);
    const visibleIds = ids.filter((_, i) => flags[i] === true);
    const lists = groupedByKey(ids, visibleIds.length ? await load(visibleIds) : [], (r) => r.studentId);
    return ids.map((_, i) => (flags[i] === true ? lists[i] : null));
  };

  return {
    /** Attestations of each pupil in the caller's scope, by date obtained; null outside it. Filter by academy after. */
    attestationsByStudent: new DataLoader<number, Attestation[] | null>((ids) =>
      scopedRows(ids, (visibleIds) =>
        ds.getRepository(Attestation).find({ where: { studentId: In(visibleIds) }, order: { obtainedOn: "ASC", id: "ASC" } }),
      ),
    ),

    /** Pix certifications of each pupil in the caller's scope, newest first; null outside it. */
    pixCertificationsByStudent: new DataLoader<number, PixCertification[] | null>((ids) =>
      scopedRows(ids, (visibleIds) =>
        ds.getRepository(PixCertification).find({ where: { studentId: In(visibleIds) }, order: { certifiedOn: "DESC", id: "DESC" } }),
      ),
    ),

    /** Competence levels of each certification, by competence code. */
    pixCompetencesByCertification: new DataLoader<number, PixCompetenceLevel[]>(async (ids) => {
      const rows = await ds
        .getRepository(PixCompetenceLevel)
        .find({ where: { certificationId: In([...ids]) }, order: { competence: "ASC" } });
      return groupedByKey(ids, rows, (r) => r.certificationId);
    }),
  };
}
