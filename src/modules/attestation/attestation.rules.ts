import { isSchoolLead, isSchoolStaff, pupilInScope } from "../../auth/rules";
import { inheriting, RuleTree } from "../../auth/rule-tree";

export const attestationRules: RuleTree = {
  Mutation: {
    // Which pupil: decided by the service (lead of the pupil's school, or teacher of the pupil's class).
    recordAttestation: isSchoolStaff,
    // Pix results are imported by the school: its DIRECTOR/HEAD only.
    recordPixCertification: isSchoolLead,
  },
  // A pupil in the caller's scope (guardians: their children); the service filters by academy (R-SEED-13, R-SEED-17).
  Student: { attestations: pupilInScope, pixCertifications: pupilInScope },
  // Record types: every field named, no "*".
  Attestation: inheriting("id", "type", "obtainedOn", "schoolYear", "school"),
  PixCertification: inheriting("id", "certifiedOn", "score", "schoolYear", "school", "competences", "version"),
  PixCompetenceLevel: inheriting("competence", "level"),
};
