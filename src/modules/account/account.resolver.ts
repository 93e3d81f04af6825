import { Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { Me } from "./account.types";
import * as accounts from "./account.service";

@Resolver(() => Me)
export class AccountResolver {
  @Query(() => Me, { description: "The signed-in account, its roles and this year's teaching." })
  me(@Ctx() ctx: Context): Promise<Me> {
    return accounts.me(ctx);
  }
}
