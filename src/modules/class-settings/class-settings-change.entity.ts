import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { SchoolClass } from "../class/school-class.entity";
import { PositioningType, ReportDataSource } from "../../common/domain";

/**
 * One change of a class's settings, with a restorable archive of everything it deleted or altered
 * (R-NEW-01). `archive` is JSON written and read only by the class-settings service.
 */
@Entity("class_settings_change")
@Index("IDX_class_settings_change_class", ["classId"])
export class ClassSettingsChange {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  classId: number;

  @ManyToOne(() => SchoolClass)
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_class_settings_change_class" })
  schoolClass?: SchoolClass;

  @CreateDateColumn()
  changedAt: Date;

  @Column({ type: "integer" })
  changedByAccountId: number;

  @Column({ type: "varchar", length: 10, nullable: true })
  previousDataSource: ReportDataSource | null;

  @Column({ type: "varchar", length: 12, nullable: true })
  previousPositioningType: PositioningType | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  newDataSource: ReportDataSource | null;

  @Column({ type: "varchar", length: 12, nullable: true })
  newPositioningType: PositioningType | null;

  /** Counts per kind of what the change deleted or froze (JSON). */
  @Column({ type: "text" })
  impact: string;

  /** The rows as they were before the change (JSON). */
  @Column({ type: "text" })
  archive: string;

  @Column({ type: "datetime", nullable: true })
  restoredAt: Date | null;

  @Column({ type: "integer", nullable: true })
  restoredByAccountId: number | null;
}
