import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from "typeorm";

/**
 * Counts every SQL statement the application sends, so tests can prove that an operation's
 * statement count does not grow with the number of rows (no N+1). Logs slow queries and errors.
 */
export class CountingLogger extends AbstractLogger {
  statements = 0;
  readonly recent: string[] = [];
  private keepRecent = false;

  /** Starts a fresh count; with `keep`, remembers the statements for inspection. */
  reset(keep = false): void {
    this.statements = 0;
    this.recent.length = 0;
    this.keepRecent = keep;
  }

  override logQuery(query: string): void {
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET )/i.test(query.trim())) return;
    this.statements += 1;
    if (this.keepRecent) this.recent.push(query);
  }

  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[], _queryRunner?: QueryRunner): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      const type = typeof m === "object" ? m.type : undefined;
      const text = typeof m === "object" ? m.message : m;
      if (level === "error" || level === "warn" || type === "query-slow") {
        // The SQL text stays in server logs; it never reaches a client.
        console.error(`[db] ${type ?? level}: ${String(text).slice(0, 500)}`);
      }
    }
  }
}
