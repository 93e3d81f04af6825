/** What a class or group shares across its pupils' reports: whole-class program elements, collective appreciations. */
import { Not } from "typeorm";
import { checkBound } from "../../common/bounds";
import { Context, inIdempotentTransaction } from "../../common/context";
import { badInput, forbidden } from "../../common/errors";
import { recordAudit } from "../audit/audit.service";
import { lockClassRow } from "../../db/row-locks";
import { findVisibleClass, findVisibleGroup } from "../class/class.service";
import { TeachingGroup } from "../class/teaching-group.entity";
import { SchoolClass } from "../class/school-class.entity";
import { School } from "../school/school.entity";
import { Period } from "../period/period.entity";
import { Subject } from "../subject/subject.entity";
import { ClassDigitalSkillsAppreciation, ClassProgramElement, GroupDigitalSkillsAppreciation } from "./report-parts.entity";
import { mayWriteClassAppreciation, mayWriteClassProgramElements, mayWriteGroupAppreciation } from "./report.policy";
import { checkText } from "../../common/text";
import { LIMITS } from "./report.codes";
import { refusePastYear, requireEntrySettings } from "./report.service";

/** Replaces the whole-class program elements of one subject for a period. */
export async function setClassProgramElements(
  ctx: Context,
  classId: number,
  periodId: number,
  subjectCode: string,
  labels: string[],
): Promise<ClassProgramElement[]> {
  const cls = await findVisibleClass(ctx, classId);
  const em = ctx.dataSource.manager;
  const school = await em.findOneOrFail(School, { where: { id: cls.schoolId } });
  const subject = await em.findOne(Subject, { where: { code: subjectCode } });
  if (!subject || subject.degree !== school.degree) throw badInput("subjectCode", "is not a subject or domain of this school");
  if (!mayWriteClassProgramElements(ctx, school, cls, subjectCode)) throw forbidden(`You do not teach ${subjectCode} to this class.`);
  refusePastYear(ctx, cls.schoolYear, "Program elements");
  requireEntrySettings(cls);
  if (cls.periodSchemeId === null || !(await em.count(Period, { where: { id: periodId, schemeId: cls.periodSchemeId } }))) {
    throw badInput("periodId", `is not a period of class ${cls.code}`);
  }
  // The cost limit counts these lists at their bound (src/common/bounds.ts): writes may not exceed it.
  checkBound("labels", "classProgramElementsPerSubject", labels.length, "whole-class elements per subject and period");
  const clean = labels.map((label, i) => checkText(label, `labels[${i}]`, LIMITS.programElement));
  if (new Set(clean).size !== clean.length) throw badInput("labels", "must not repeat an element");
  return inIdempotentTransaction(ctx, async (tx) => {
    requireEntrySettings(await lockClassRow(tx, cls.id));
    // Counted under the class row lock: concurrent calls for other subjects cannot pass the total together.
    const others = await tx.count(ClassProgramElement, { where: { classId: cls.id, periodId, subjectCode: Not(subjectCode) } });
    checkBound("labels", "classProgramElementsPerPeriod", others + clean.length, "whole-class elements per class and period, all subjects together");
    await tx.delete(ClassProgramElement, { classId: cls.id, periodId, subjectCode });
    if (clean.length) await tx.insert(ClassProgramElement, clean.map((label) => ({ classId: cls.id, periodId, subjectCode, label })));
    await recordAudit(ctx, tx, {
      action: "SET_CLASS_PROGRAM_ELEMENTS",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: school.id,
      details: { periodId, subjectCode, count: clean.length },
    });
    return tx.find(ClassProgramElement, { where: { classId: cls.id, periodId, subjectCode }, order: { id: "ASC" } });
  });
}

/** Sets (or clears with null) the collective digital-skills appreciation of a group (its teachers or the lead). */
export async function setGroupCollectiveDigitalSkillsAppreciation(ctx: Context, groupId: number, text: string | null): Promise<TeachingGroup> {
  const group = await findVisibleGroup(ctx, groupId);
  // Seeing a group is being its lead or its teacher today; the decision is still the policy's, not the scope's.
  if (!mayWriteGroupAppreciation(ctx, group)) throw forbidden("Only the group's teachers and its DIRECTOR/HEAD may write its collective appreciation.");
  refusePastYear(ctx, group.schoolYear, "Appreciations");
  const clean = checkText(text, "text", LIMITS.text600) ?? null;
  return inIdempotentTransaction(ctx, async (tx) => {
    await tx.delete(GroupDigitalSkillsAppreciation, { groupId: group.id });
    if (clean) await tx.insert(GroupDigitalSkillsAppreciation, { groupId: group.id, text: clean });
    await recordAudit(ctx, tx, {
      action: "SET_GROUP_DIGITAL_SKILLS_APPRECIATION",
      entityType: "TeachingGroup",
      entityId: group.id,
      schoolId: group.schoolId,
      details: { cleared: clean === null },
    });
    return group;
  });
}

/** Sets (or clears with null) the collective digital-skills appreciation of a class. */
export async function setCollectiveDigitalSkillsAppreciation(ctx: Context, classId: number, text: string | null): Promise<SchoolClass> {
  const cls = await findVisibleClass(ctx, classId);
  if (!mayWriteClassAppreciation(ctx, cls)) {
    throw forbidden("Only the class's teachers and its DIRECTOR/HEAD may write its collective appreciation.");
  }
  refusePastYear(ctx, cls.schoolYear, "Appreciations");
  requireEntrySettings(cls);
  const clean = checkText(text, "text", LIMITS.text600) ?? null;
  return inIdempotentTransaction(ctx, async (tx) => {
    requireEntrySettings(await lockClassRow(tx, cls.id));
    await tx.delete(ClassDigitalSkillsAppreciation, { classId: cls.id });
    if (clean) await tx.insert(ClassDigitalSkillsAppreciation, { classId: cls.id, text: clean });
    await recordAudit(ctx, tx, {
      action: "SET_COLLECTIVE_DIGITAL_SKILLS_APPRECIATION",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: cls.schoolId,
      details: { cleared: clean === null },
    });
    return cls;
  });
}
