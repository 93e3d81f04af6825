import { EntityManager, EntityTarget, In, ObjectLiteral } from "typeorm";

/** Rows per INSERT and values per IN list: well under both drivers' parameter limits. */
export const CHUNK = 500;

export function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The rows of `entity` whose `column` is one of `values`, read in chunks. */
export async function findIn<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, column: keyof E & string, values: Iterable<unknown>): Promise<E[]> {
  const distinct = [...new Set(values)];
  const found: E[] = [];
  for (const chunk of chunks(distinct)) found.push(...(await em.find(entity, { where: { [column]: In(chunk) } as never })));
  return found;
}

type Outcome = "created" | "updated";

/**
 * The planned writes of one table during a load: rows are compared with what is stored and only the
 * differences are written, in batches (multi-row INSERTs, one UPDATE per set of identical changes), so that
 * an unchanged file writes nothing and a large one takes a few statements per 500 rows instead of several per row.
 */
export class TableWrites<E extends { id: number }> {
  private inserts: E[] = [];
  private updates = new Map<string, { changes: Partial<E>; ids: number[] }>();

  constructor(
    private readonly em: EntityManager,
    private readonly entity: new () => E,
    private readonly kind: string,
    /** Counts a planned write; `uai` names the school whose records it changes, when it is one school's. */
    private readonly count: (kind: string, outcome: Outcome, uai?: string) => void,
    /** After inserting, the new rows' ids are read back by this column and matched by `key`. */
    private readonly readBack?: { column: keyof E & string; key: (row: E) => string },
  ) {}

  /** Plans `values` as a new row, or as the differing columns of `existing`; returns the row as it will be stored. */
  plan(existing: E | undefined | null, values: Partial<E>, uai?: string): E {
    if (!existing) {
      const row = { ...values } as E;
      this.inserts.push(row);
      this.count(this.kind, "created", uai);
      return row;
    }
    const changes: Partial<E> = {};
    let changed = false;
    for (const [key, value] of Object.entries(values) as Array<[keyof E, unknown]>) {
      if (JSON.stringify(existing[key]) !== JSON.stringify(value)) {
        changes[key] = value as never;
        changed = true;
      }
    }
    if (!changed) return existing;
    Object.assign(existing, changes);
    this.count(this.kind, "updated", uai);
    // A row planned for insertion in this load is inserted with its latest values.
    if (existing.id === undefined) return existing;
    const signature = JSON.stringify(changes);
    const update = this.updates.get(signature) ?? { changes, ids: [] };
    update.ids.push(existing.id);
    this.updates.set(signature, update);
    return existing;
  }

  /** Writes what was planned; new rows get their ids. */
  async flush(): Promise<void> {
    const inserted = this.inserts;
    this.inserts = [];
    for (const chunk of chunks(inserted)) {
      await this.em.createQueryBuilder().insert().into(this.entity).values(chunk as never).updateEntity(false).callListeners(false).execute();
    }
    if (inserted.length && this.readBack) {
      const { column, key } = this.readBack;
      const stored = new Map((await findIn(this.em, this.entity, column, inserted.map((row) => row[column]))).map((row) => [key(row), row.id]));
      for (const row of inserted) row.id = stored.get(key(row))!;
    }
    for (const { changes, ids } of this.updates.values()) {
      for (const chunk of chunks(ids)) await this.em.update(this.entity, { id: In(chunk) } as never, changes as never);
    }
    this.updates.clear();
  }
}
