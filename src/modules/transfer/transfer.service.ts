import { In } from "typeorm";
import { isDuplicateKey } from "../../db/duplicate-key";
import { Context, inTransaction } from "../../common/context";
import { ErrorCode, forbidden, LivretError } from "../../common/errors";
import { recordAudit } from "../audit/audit.service";
import { Academy } from "../school/academy.entity";
import { School } from "../school/school.entity";
import { findVisibleSchool } from "../school/school.service";
import { Enrolment } from "../student/enrolment.entity";
import { Student } from "../student/student.entity";
import { InterAcademicTransfer } from "./inter-academic-transfer.entity";
import { TransferResult } from "./transfer.types";
import { mayTransferInto } from "./transfer.policy";

const RULE = "R-SEED-06";
const INE = /^[0-9A-Z]{11}$/;

/** A refusal about the INE, with the rule; the field is named so that forms can point at it. */
const ineRefused = (message: string) => new LivretError(ErrorCode.BAD_USER_INPUT, `ine: ${message}`, { field: "ine", rule: RULE });

/**
 * R-SEED-06: the DIRECTOR/HEAD of the receiving school brings in the record a pupil left in other
 * academies before arriving. One row per earlier academy; repeating it writes nothing and says so.
 */
export async function transferStudentInterAcademic(ctx: Context, schoolId: number, ineArg: string): Promise<TransferResult> {
  const school = await findVisibleSchool(ctx, schoolId);
  if (!mayTransferInto(ctx, school)) {
    throw forbidden("Only the DIRECTOR or HEAD of the receiving school may transfer a pupil's record.");
  }
  const ine = ineArg.trim().toUpperCase();
  if (!INE.test(ine)) throw ineRefused("is not an INE: 11 digits or capital letters");
  try {
    return await transferOnce(ctx, school, ine);
  } catch (error) {
    // Two leads transferring the same pupil at once: the loser's second look finds the rows and answers alreadyTransferred.
    if (!isDuplicateKey(error)) throw error;
    return transferOnce(ctx, school, ine);
  }
}

async function transferOnce(ctx: Context, school: School, ine: string): Promise<TransferResult> {
  const em = ctx.dataSource.manager;
  const student = await em.findOne(Student, { where: { ine } });
  const enrolments = student ? await em.find(Enrolment, { where: { studentId: student.id }, order: { schoolYear: "ASC", id: "ASC" } }) : [];
  // The receiving school is the pupil's school this year (a school the pupil has left cannot bring in
  // their record); a pupil only announced for a later year has not arrived yet.
  const yearsHere = new Set(enrolments.filter((e) => e.schoolId === school.id && e.schoolYear <= ctx.schoolYear).map((e) => e.schoolYear));
  if (!student || !yearsHere.has(ctx.schoolYear)) {
    // Same words for an unknown INE: the INE of a pupil enrolled elsewhere cannot be probed.
    throw ineRefused(`no pupil with this INE is enrolled in ${school.name} this year`);
  }
  // The year of arrival: the first of the latest unbroken stay here, so that a pupil who left for
  // another academy and came back brings in the years spent there too.
  let arrivalYear = Math.max(...yearsHere);
  while (yearsHere.has(arrivalYear - 1)) arrivalYear -= 1;

  const earlierSchoolIds = [...new Set(enrolments.filter((e) => e.schoolYear < arrivalYear).map((e) => e.schoolId))];
  const earlierSchools = earlierSchoolIds.length ? await em.find(School, { where: { id: In(earlierSchoolIds) } }) : [];
  const fromAcademyIds = [...new Set(earlierSchools.map((s) => s.academyId))].filter((id) => id !== school.academyId).sort((a, b) => a - b);
  if (!fromAcademyIds.length) {
    throw ineRefused(`nothing to transfer: before ${school.name}, this pupil was schooled in no other academy`);
  }
  const fromAcademies = await em.find(Academy, { where: { id: In(fromAcademyIds) }, order: { code: "ASC" } });

  const existing = await em.find(InterAcademicTransfer, {
    where: { studentId: student.id, receivingSchoolId: school.id },
    select: { fromAcademyId: true },
  });
  const done = new Set(existing.map((t) => t.fromAcademyId));
  const missing = fromAcademyIds.filter((id) => !done.has(id));
  if (!missing.length) return { student, fromAcademies, alreadyTransferred: true };

  await inTransaction(ctx, async (tx) => {
    await tx.insert(
      InterAcademicTransfer,
      missing.map((fromAcademyId) => ({
        studentId: student.id,
        fromAcademyId,
        toAcademyId: school.academyId,
        receivingSchoolId: school.id,
        schoolYear: ctx.schoolYear,
        performedByAccountId: ctx.principal!.accountId,
      })),
    );
    await recordAudit(ctx, tx, {
      action: "TRANSFER_INTER_ACADEMIC",
      entityType: "Student",
      entityId: student.id,
      schoolId: school.id,
      studentId: student.id,
      details: { fromAcademyIds: missing },
    });
  });
  // The response's own fields (enrolments, reports) must see the record as it is now.
  ctx.loaders.transfersByStudent.clear(student.id);
  return { student, fromAcademies, alreadyTransferred: false };
}
