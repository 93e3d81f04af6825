import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { scopeStudents } from "../../auth/scope";
import { Student } from "../student/student.entity";
import { Attestation } from "./attestation.entity";
import { PixCertification, PixCompetenceLevel } from "./pix-certification.entity";

function grouped<V>(keys: readonly number[], rows: V[], keyOf: (row: V) => number): V[][] {
  const map = new Map<number, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createAttestationLoaders(ctx: Context) {
  const ds = ctx.dataSource;

  /**
   * Whether the caller may see each pupil (scopeStudents, in SQL). Shared by both record loaders, so
   * asking for attestations and Pix of a list of pupils costs one scope query.
   */
  const inScope = new DataLoader<number, boolean>(async (ids) => {
    const qb = ds.createQueryBuilder().select("s.id", "id").from(Student, "s").where("s.id IN (:...ids)", { ids: [...ids] });
    const rows = await scopeStudents(ctx, qb, "s").getRawMany<{ id: number | string }>();
    const visible = new Set(rows.map((r) => Number(r.id)));
    return ids.map((id) => visible.has(id));
  });

  /** Rows per pupil for the pupils in scope; null for a pupil the caller may not see. */
  const scopedRows = async <E extends { studentId: number }>(ids: readonly number[], load: (visibleIds: number[]) => Promise<E[]>) => {
    const flags = await inScope.loadMany(ids);
    const visibleIds = ids.filter((_, i) => flags[i] === true);
    const lists = grouped(ids, visibleIds.length ? await load(visibleIds) : [], (r) => r.studentId);
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
      return grouped(ids, rows, (r) => r.certificationId);
    }),
  };
}
