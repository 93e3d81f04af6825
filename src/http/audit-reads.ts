import type { ApolloServerPlugin } from "@apollo/server";
import { Context } from "../common/context";
import { recordStudentReads } from "../modules/audit/audit.service";

/**
 * Writes the audit events of the pupils' records a staff member read (R-NEW-02) before the response
 * leaves. If they cannot be written, the data is withheld: no unaudited read of a pupil's record.
 */
export function auditRecordReadsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.recordReads?.size || response.body.kind !== "single") return;
          try {
            await recordStudentReads(contextValue, [...contextValue.recordReads]);
          } catch (error) {
            console.error("[audit] record reads could not be written; response withheld", error);
            response.body.singleResult = {
              data: null,
              errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
            };
            response.http.status = 500;
          }
        },
      };
    },
  };
}
