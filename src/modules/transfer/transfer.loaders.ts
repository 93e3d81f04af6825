import type { Context } from "../../common/context";

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createTransferLoaders(_ctx: Context) {
  return {};
}
