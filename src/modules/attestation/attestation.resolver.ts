import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { Student } from "../student/student.entity";
import { Attestation, AttestationType } from "./attestation.entity";
import { PixCertification } from "./pix-certification.entity";
import { RecordPixCertificationInput } from "./attestation.inputs";
import * as attestations from "./attestation.service";

/** Attestations and Pix certifications: the mutations, and the pupil's fields that read them. */
@Resolver(() => Student)
export class AttestationResolver {
  @Mutation(() => Attestation, {
    description: "Records an attestation the pupil obtained (replaces one of the same type): the DIRECTOR/HEAD of the pupil's school or a teacher of their class.",
  })
  recordAttestation(
    @Ctx() ctx: Context,
    @Arg("studentId", () => ID) studentId: string,
    @Arg("type", () => AttestationType) type: AttestationType,
    @Arg("obtainedOn", () => LocalDateResolver, { description: "Not in the future." }) obtainedOn: string,
  ): Promise<Attestation> {
    return attestations.recordAttestation(ctx, parseId(studentId, "studentId"), type, obtainedOn);
  }

  @Mutation(() => PixCertification, {
    description: "Imports a pupil's Pix certification result (DIRECTOR/HEAD of the pupil's school); the same pupil and date again replaces it.",
  })
  recordPixCertification(@Ctx() ctx: Context, @Arg("input") input: RecordPixCertificationInput): Promise<PixCertification> {
    return attestations.recordPixCertification(ctx, input);
  }

  @FieldResolver(() => [Attestation], {
    description: "Attestations the caller may see: guardians all of their child's; staff those recorded in their academies (R-SEED-12, R-SEED-17).",
  })
  attestations(@Root() student: Student, @Ctx() ctx: Context): Promise<Attestation[]> {
    return attestations.attestationsOf(ctx, student);
  }

  @FieldResolver(() => [PixCertification], {
    description: "Pix certification results the caller may see, newest first (R-SEED-17).",
  })
  pixCertifications(@Root() student: Student, @Ctx() ctx: Context): Promise<PixCertification[]> {
    return attestations.pixCertificationsOf(ctx, student);
  }
}
