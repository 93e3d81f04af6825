import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
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

  /** The rows as they were before the change (JSON), or `{"format":2,"parts":n}` when they are in class_settings_archive_part. */
  @Column({ type: "text" })
  archive: string;

  @Column({ type: "datetime", nullable: true })
  restoredAt: Date | null;

  @Column({ type: "integer", nullable: true })
  restoredByAccountId: number | null;
}

/**
 * The archive of a change, cut in pieces: a `text` column holds 64 KB on MariaDB, and a 30-pupil collège
 * class with full reports archives to several hundred KB. Pieces of ARCHIVE_PART_CHARS characters stay
 * under that limit whatever the characters (4 bytes each at most in utf8mb4) and need no dialect type.
 */
@Entity("class_settings_archive_part")
export class ClassSettingsArchivePart {
  @PrimaryColumn({ type: "integer" })
  changeId: number;

  @PrimaryColumn({ type: "integer" })
  seq: number;

  @ManyToOne(() => ClassSettingsChange, { onDelete: "CASCADE" })
  @JoinColumn({ name: "changeId", foreignKeyConstraintName: "FK_class_settings_archive_part_change" })
  change?: ClassSettingsChange;

  @Column({ type: "text" })
  body: string;
}

export const ARCHIVE_PART_CHARS = 12_000;
