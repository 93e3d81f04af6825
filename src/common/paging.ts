import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { Max, Min } from "class-validator";
import { SelectQueryBuilder, ObjectLiteral } from "typeorm";

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0, description: "Rows to skip." })
  @Min(0)
  offset: number = 0;

  @Field(() => Int, { defaultValue: 20, description: `Rows to return, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** A page object type for one item type: `{ items, totalCount, offset, limit }`. */
export function PageType<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(name, { simpleResolvers: true, description: `A page of ${itemType.name} rows.` })
  class PageClass implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: "Rows visible to the caller in all pages." })
    totalCount: number;

    @Field(() => Int)
    offset: number;

    @Field(() => Int)
    limit: number;
  }
  return PageClass;
}

/** Pages a query that is already filtered by scope, so that counts and pages cover visible rows only. */
export async function paginate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageArgs): Promise<Page<T>> {
  const [items, totalCount] = await qb.skip(page.offset).take(page.limit).getManyAndCount();
  return { items, totalCount, offset: page.offset, limit: page.limit };
}
