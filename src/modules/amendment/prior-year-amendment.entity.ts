import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { PeriodicReport } from "../report/periodic-report.entity";

/**
 * A written authorisation to amend a past-year report (R-SEED-10): granted by the DASEN (1D) or
 * the HEAD (2D), listing the elements that may change, with the support ticket and document references.
 */
@Entity("prior_year_amendment")
@Index("IDX_prior_year_amendment_report", ["reportId"])
export class PriorYearAmendment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  reportId: number;

  @ManyToOne(() => PeriodicReport)
  @JoinColumn({ name: "reportId", foreignKeyConstraintName: "FK_prior_year_amendment_report" })
  report?: PeriodicReport;

  @Column({ type: "integer" })
  grantedByAccountId: number;

  @CreateDateColumn()
  grantedAt: Date;

  /** The report elements that may change (JSON array of element keys). */
  @Column({ type: "text" })
  elements: string;

  @Column({ type: "varchar", length: 50 })
  ticketRef: string;

  @Column({ type: "varchar", length: 200 })
  documentRef: string;

  /** Set by the edit that applies it (R-SEED-10: used once); null while the authorisation is open. */
  @Column({ type: "datetime", nullable: true })
  closedAt: Date | null;

  @Column({ type: "integer", nullable: true })
  closedByAccountId: number | null;
}
