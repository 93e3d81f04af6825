import { EntityManager } from "typeorm";
import { SchoolClass } from "../modules/class/school-class.entity";

/** MariaDB/MySQL take row locks (FOR UPDATE); SQLite runs one transaction at a time (see inTransaction). */
export const supportsRowLocks = (em: EntityManager): boolean => ["mysql", "mariadb"].includes(em.connection.options.type);

/**
 * Re-reads a class inside the caller's transaction and, on MariaDB/MySQL, holds its row until commit:
 * writes that depend on the class's settings (reports, program elements, carry-over) then run after,
 * never across, a settings change of the same class.
 */
export async function lockClassRow(tx: EntityManager, classId: number): Promise<SchoolClass> {
  const qb = tx.getRepository(SchoolClass).createQueryBuilder("c").where("c.id = :classId", { classId });
  if (supportsRowLocks(tx)) qb.setLock("pessimistic_write");
  return qb.getOneOrFail();
}
