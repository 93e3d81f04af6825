import { Context } from "../../common/context";
import { leads, teachesClass } from "../../auth/policy";
import { Enrolment } from "../student/enrolment.entity";

/** Recording an attestation: the DIRECTOR/HEAD of the pupil's school or a teacher of the pupil's class; the enrolment it is recorded under. */
export const attestationEnrolment = (ctx: Context, enrolments: Enrolment[]): Enrolment | undefined =>
  enrolments.find((e) => leads(ctx.principal, e.schoolId) || teachesClass(ctx.principal, e.classId));

/** R-PUB-21: importing Pix results: the DIRECTOR/HEAD of the pupil's school; the enrolment it is recorded under. */
export const pixEnrolment = (ctx: Context, enrolments: Enrolment[]): Enrolment | undefined => enrolments.find((e) => leads(ctx.principal, e.schoolId));
