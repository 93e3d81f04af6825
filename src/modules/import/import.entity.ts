import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { School } from "../school/school.entity";
import { Account } from "../account/account.entity";

/** One LSU XML file imported into a school: who sent it, which software made it, what became of each report. */
@Entity("import_batch")
@Index("UQ_import_batch_school_hash", ["schoolId", "fileSha256"], { unique: true })
export class ImportBatch {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_import_batch_school" })
  school?: School;

  @Column({ type: "integer" })
  importedByAccountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "importedByAccountId", foreignKeyConstraintName: "FK_import_batch_account" })
  importedBy?: Account;

  @Column({ type: "varchar", length: 6 })
  degree: string;

  @Column({ type: "varchar", length: 4 })
  schemaVersion: string;

  /** The file's entete: editeur, application, appliVersion. */
  @Column({ type: "varchar", length: 50 })
  editor: string;

  @Column({ type: "varchar", length: 50 })
  application: string;

  @Column({ type: "varchar", length: 50, nullable: true })
  applicationVersion: string | null;

  /** SHA-256 of the file's bytes, hex: the same file imported again changes nothing. */
  @Column({ type: "varchar", length: 64 })
  fileSha256: string;

  @Column({ type: "integer" })
  fileBytes: number;

  @Column({ type: "integer", default: 0 })
  importedCount: number;

  @Column({ type: "integer", default: 0 })
  warningCount: number;

  @Column({ type: "integer", default: 0 })
  rejectedCount: number;

  /** Reports of an earlier import that this one replaced (archived in import_replaced_report). */
  @Column({ type: "integer", default: 0 })
  replacedCount: number;

  @CreateDateColumn()
  createdAt: Date;
}

/** What became of one report of a batch, with its coded messages. */
@Entity("import_outcome")
@Index("IDX_import_outcome_batch", ["batchId", "position"])
@Index("IDX_import_outcome_cycle_report", ["cycleReportId"])
export class ImportOutcome {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  batchId: number;

  @ManyToOne(() => ImportBatch, { onDelete: "CASCADE" })
  @JoinColumn({ name: "batchId", foreignKeyConstraintName: "FK_import_outcome_batch" })
  batch?: ImportBatch;

  /** Order of the report in the file. */
  @Column({ type: "integer" })
  position: number;

  /** PERIODIC or CYCLE. */
  @Column({ type: "varchar", length: 10 })
  kind: string;

  /** IMPORTED, IMPORTED_WITH_WARNINGS or REJECTED. */
  @Column({ type: "varchar", length: 24 })
  outcome: string;

  /** The pupil as the file names them: id-be (2D) or INE (1D). */
  @Column({ type: "varchar", length: 20 })
  pupilKey: string;

  @Column({ type: "integer", nullable: true })
  studentId: number | null;

  @Column({ type: "integer", nullable: true })
  periodIndex: number | null;

  @Column({ type: "integer", nullable: true })
  cycle: number | null;

  @Column({ type: "integer" })
  line: number;

  @Column({ type: "integer", nullable: true })
  periodicReportId: number | null;

  @Column({ type: "integer", nullable: true })
  cycleReportId: number | null;

  /** JSON list of {code, rule, message, element, line}. Codes and places only, never a pupil's text. */
  @Column({ type: "text" })
  messages: string;
}

/** The full rows of a report an import replaced (R-NEW-01): nothing a newer file overwrites is lost. */
@Entity("import_replaced_report")
@Index("IDX_import_replaced_report_batch", ["batchId"])
export class ImportReplacedReport {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  batchId: number;

  @ManyToOne(() => ImportBatch, { onDelete: "CASCADE" })
  @JoinColumn({ name: "batchId", foreignKeyConstraintName: "FK_import_replaced_report_batch" })
  batch?: ImportBatch;

  @Column({ type: "varchar", length: 10 })
  kind: string;

  @Column({ type: "integer" })
  reportId: number;

  /** JSON: table name → full rows, as class-settings archives store them. */
  @Column({ type: "text" })
  rows: string;
}

export const IMPORT_ENTITIES = [ImportBatch, ImportOutcome, ImportReplacedReport];
