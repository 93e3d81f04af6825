import type { ApolloServerPlugin } from "@apollo/server";
import { Context } from "../common/context";
import { recordStudentReads } from "../modules/audit/audit.service";
import { asClientError, DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from "../db/db-errors";
import { LivretError } from "../common/errors";

/**
 * Writes the audit events of the pupils' records a staff member read (R-NEW-02) before the response
 * leaves. If they cannot be written, the data of a query is withheld: no unaudited read of a pupil's record
 * (503 UNAVAILABLE when the database failed, so the client retries). A mutation's answer is kept: its write
 * committed with its own audit event, and answering it as failed would make the client repeat a done write.
 */
export function auditRecordReadsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          if (!contextValue.recordReads?.size || response.body.kind !== "single") return;
          try {
            await recordStudentReads(contextValue, [...contextValue.recordReads]);
          } catch (error) {
            if (operation?.operation === "mutation") {
              console.error("[audit] record reads of a committed mutation could not be written; answer kept", error);
              return;
            }
            console.error("[audit] record reads could not be written; response withheld", error);
            if (asClientError(error) instanceof LivretError) {
              const unavailable = databaseUnavailable();
              response.body.singleResult = { data: null, errors: [{ message: unavailable.message, extensions: unavailable.extensions }] };
              response.http.status = 503;
              response.http.headers.set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
              return;
            }
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
