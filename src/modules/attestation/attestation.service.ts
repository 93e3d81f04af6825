import { EntityManager } from "typeorm";
import { isDuplicateKey } from "../../db/duplicate-key";
import { Context, inTransaction } from "../../common/context";
import { badInput, conflict, forbidden } from "../../common/errors";
import { parseId } from "../../common/ids";
import { isoDay } from "../../common/school-year";
import { recordAudit } from "../audit/audit.service";
import { Enrolment } from "../student/enrolment.entity";
import { Student } from "../student/student.entity";
import { inVisibleAcademies, noteRecordRead, recordAcademies } from "../student/record";
import { findVisibleStudent } from "../student/student.service";
import { Attestation, AttestationType } from "./attestation.entity";
import { PixCertification, PixCompetenceLevel } from "./pix-certification.entity";
import { RecordPixCertificationInput } from "./attestation.inputs";
import { PIX_COMPETENCES, PIX_LIMITS } from "./attestation.codes";
import { attestationEnrolment, pixEnrolment } from "./attestation.policy";
import { checkBound } from "../../common/bounds";

/** The pupil (NOT_FOUND when the caller may not see them) and their enrolments of the current year. */
async function pupilThisYear(ctx: Context, studentId: number): Promise<{ student: Student; enrolments: Enrolment[] }> {
  const student = await findVisibleStudent(ctx, studentId);
  const enrolments = await ctx.dataSource.manager.find(Enrolment, {
    where: { studentId, schoolYear: ctx.schoolYear },
    order: { id: "ASC" },
  });
  return { student, enrolments };
}

/** A calendar date that is not after today (ctx.clock) nor before the pupil's birth. */
function checkPastDate(ctx: Context, value: string, field: string, student: Student): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badInput(field, "must be a date (YYYY-MM-DD)");
  if (value > isoDay(ctx.clock.now())) throw badInput(field, "must not be in the future");
  if (student.birthDate && value < student.birthDate) throw badInput(field, "must not precede the pupil's birth date");
}

/** Two concurrent first recordings of the same key: the loser gets CONFLICT rather than an internal error. */
async function refusingDuplicates<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateKey(error)) {
      throw conflict("Someone recorded the same result at the same time: reload and try again.");
    }
    throw error;
  }
}

/**
 * Records an attestation (upsert by pupil and type). The DIRECTOR/HEAD of the pupil's current school or
 * a teacher of the pupil's current class may; it is recorded in that school and the current year.
 */
export async function recordAttestation(ctx: Context, studentIdArg: string, type: AttestationType, obtainedOn: string): Promise<Attestation> {
  const { student, enrolments } = await pupilThisYear(ctx, parseId(studentIdArg, "studentId"));
  const here = attestationEnrolment(ctx, enrolments);
  if (!here) throw forbidden("Only the DIRECTOR/HEAD of the pupil's school or a teacher of the pupil's class may record an attestation.");
  if (!Object.values(AttestationType).includes(type)) throw badInput("type", "is not an attestation type");
  checkPastDate(ctx, obtainedOn, "obtainedOn", student);

  return refusingDuplicates(() =>
    inTransaction(ctx, async (tx) => {
      const existing = await tx.findOne(Attestation, { where: { studentId: student.id, type } });
      const values = { obtainedOn, schoolId: here.schoolId, schoolYear: ctx.schoolYear };
      let id: number;
      if (existing) {
        await tx.update(Attestation, { id: existing.id }, values);
        id = existing.id;
      } else {
        id = (await tx.save(tx.create(Attestation, { studentId: student.id, type, ...values }))).id;
      }
      await recordAudit(ctx, tx, {
        action: "RECORD_ATTESTATION",
        entityType: "Attestation",
        entityId: id,
        schoolId: here.schoolId,
        studentId: student.id,
        details: { type, replaced: existing !== null },
      });
      return tx.findOneOrFail(Attestation, { where: { id } });
    }),
  );
}

function validatePix(input: RecordPixCertificationInput): void {
  const { score, competences } = input;
  if (!Number.isInteger(score) || score < PIX_LIMITS.minScore || score > PIX_LIMITS.maxScore) {
    throw badInput("score", `must be an integer from ${PIX_LIMITS.minScore} to ${PIX_LIMITS.maxScore}`);
  }
  if (competences.length < 1 || competences.length > PIX_COMPETENCES.length) {
    throw badInput("competences", `must list 1 to ${PIX_COMPETENCES.length} competences`);
  }
  const seen = new Set<string>();
  competences.forEach((c, i) => {
    if (!PIX_COMPETENCES.includes(c.competence)) throw badInput(`competences[${i}].competence`, "is not a Pix competence (1.1 to 5.2)");
    if (seen.has(c.competence)) throw badInput(`competences[${i}].competence`, `${c.competence} is listed twice`);
    seen.add(c.competence);
    if (!Number.isInteger(c.level) || c.level < PIX_LIMITS.minLevel || c.level > PIX_LIMITS.maxLevel) {
      throw badInput(`competences[${i}].level`, `must be an integer from ${PIX_LIMITS.minLevel} to ${PIX_LIMITS.maxLevel}`);
    }
  });
}

/**
 * Imports a Pix certification result (R-PUB-21): only the DIRECTOR/HEAD of the pupil's current school.
 * The same pupil and date again replaces the result (its competences too) and bumps its version.
 */
export async function recordPixCertification(ctx: Context, input: RecordPixCertificationInput): Promise<PixCertification> {
  const { student, enrolments } = await pupilThisYear(ctx, parseId(input.studentId, "studentId"));
  const here = pixEnrolment(ctx, enrolments);
  if (!here) throw forbidden("Only the DIRECTOR/HEAD of the pupil's school may import Pix certification results.");
  checkPastDate(ctx, input.certifiedOn, "certifiedOn", student);
  validatePix(input);

  return refusingDuplicates(() =>
    inTransaction(ctx, async (tx) => {
      const existing = await tx.findOne(PixCertification, { where: { studentId: student.id, certifiedOn: input.certifiedOn } });
      if (!existing) checkBound("studentId", "pixCertificationsPerPupil", (await tx.count(PixCertification, { where: { studentId: student.id } })) + 1, "Pix certifications per pupil");
      const id = existing ? await replacePix(ctx, tx, existing, input, here.schoolId) : await insertPix(ctx, tx, student.id, input, here.schoolId);
      await tx.insert(
        PixCompetenceLevel,
        input.competences.map((c) => ({ certificationId: id, competence: c.competence, level: c.level })),
      );
      await recordAudit(ctx, tx, {
        action: "RECORD_PIX_CERTIFICATION",
        entityType: "PixCertification",
        entityId: id,
        schoolId: here.schoolId,
        studentId: student.id,
        details: { competences: input.competences.length, replaced: existing !== null },
      });
      return tx.findOneOrFail(PixCertification, { where: { id } });
    }),
  );
}

async function insertPix(ctx: Context, tx: EntityManager, studentId: number, input: RecordPixCertificationInput, schoolId: number): Promise<number> {
  const saved = await tx.save(
    tx.create(PixCertification, {
      studentId,
      schoolId,
      schoolYear: ctx.schoolYear,
      certifiedOn: input.certifiedOn,
      score: input.score,
      version: 1,
    }),
  );
  return saved.id;
}

async function replacePix(ctx: Context, tx: EntityManager, existing: PixCertification, input: RecordPixCertificationInput, schoolId: number): Promise<number> {
  await tx
    .createQueryBuilder()
    .update(PixCertification)
    .set({ score: input.score, schoolId, schoolYear: ctx.schoolYear, version: () => "version + 1" })
    .where("id = :id", { id: existing.id })
    .execute();
  await tx.delete(PixCompetenceLevel, { certificationId: existing.id });
  return existing.id;
}

/**
 * What the caller may read of a pupil's attestation-like rows: nothing when the pupil is outside their
 * scope; guardians everything (R-SEED-13); staff the rows recorded in academies they may see
 * (R-SEED-06, R-SEED-17), and their read is audited (R-NEW-02).
 */
async function visibleRows<T extends { schoolId: number }>(ctx: Context, studentId: number, rows: T[] | null): Promise<T[]> {
  if (rows === null) return [];
  noteRecordRead(ctx, studentId);
  const academies = await recordAcademies(ctx, studentId);
  const keep = await inVisibleAcademies(ctx, academies, rows.map((r) => r.schoolId));
  return rows.filter((_, i) => keep[i]);
}

export async function attestationsOf(ctx: Context, student: Student): Promise<Attestation[]> {
  return visibleRows(ctx, student.id, await ctx.loaders.attestationsByStudent.load(student.id));
}

export async function pixCertificationsOf(ctx: Context, student: Student): Promise<PixCertification[]> {
  return visibleRows(ctx, student.id, await ctx.loaders.pixCertificationsByStudent.load(student.id));
}
