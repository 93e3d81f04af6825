import { EntityManager } from "typeorm";
import { School } from "../school/school.entity";
import { Student } from "../student/student.entity";
import { Attestation, AttestationType } from "./attestation.entity";
import { PixCertification, PixCompetenceLevel } from "./pix-certification.entity";
import { PIX_COMPETENCES } from "./attestation.codes";

const ATTESTATIONS: Array<{ ine: string; type: AttestationType; obtainedOn: string; school: string; schoolYear: number }> = [
  { ine: "1000000006F", type: AttestationType.APER, obtainedOn: "2026-10-16", school: "0691001A", schoolYear: 2026 }, // Chloé Fournier, CM2
  { ine: "2000000004D", type: AttestationType.ASSR1, obtainedOn: "2026-05-21", school: "0692002B", schoolYear: 2025 }, // Manon Lefebvre, in 5e then
  { ine: "2000000003C", type: AttestationType.PSC1, obtainedOn: "2026-11-13", school: "0692002B", schoolYear: 2026 }, // Lucas Bernard, 5e
];

/** Adam Mercier (3e): levels per competence, in PIX_COMPETENCES order. */
const ADAM_PIX = { ine: "2000000005E", school: "0692002B", schoolYear: 2026, certifiedOn: "2026-11-20", score: 412 };
const ADAM_LEVELS = [4, 3, 3, 4, 3, 2, 3, 3, 2, 2, 1, 3, 2, 2, 3, 2];

/** Demo records of this module, written with the demo reports (src/db/demo-reports.ts). */
export async function seedAttestationDemo(em: EntityManager): Promise<void> {
  for (const a of ATTESTATIONS) {
    const student = await em.findOneByOrFail(Student, { ine: a.ine });
    const school = await em.findOneByOrFail(School, { uai: a.school });
    await em.insert(Attestation, { studentId: student.id, type: a.type, obtainedOn: a.obtainedOn, schoolId: school.id, schoolYear: a.schoolYear });
  }
  const adam = await em.findOneByOrFail(Student, { ine: ADAM_PIX.ine });
  const hugo = await em.findOneByOrFail(School, { uai: ADAM_PIX.school });
  const pix = await em.save(
    em.create(PixCertification, {
      studentId: adam.id,
      schoolId: hugo.id,
      schoolYear: ADAM_PIX.schoolYear,
      certifiedOn: ADAM_PIX.certifiedOn,
      score: ADAM_PIX.score,
      version: 1,
    }),
  );
  await em.insert(
    PixCompetenceLevel,
    PIX_COMPETENCES.map((competence, i) => ({ certificationId: pix.id, competence, level: ADAM_LEVELS[i] })),
  );
}
