import { inheritsParent, isAuthenticated, isSchoolLead, isSchoolStaff } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const attestationRules: RuleTree = {
  Mutation: {
    // Which pupil: decided by the service (lead of the pupil's school, or teacher of the pupil's class).
    recordAttestation: isSchoolStaff,
    // Pix results are imported by the school: its DIRECTOR/HEAD only.
    recordPixCertification: isSchoolLead,
  },
  // Guardians reach their children too; the service filters by scope and academy (R-SEED-13, R-SEED-17).
  Student: { attestations: isAuthenticated, pixCertifications: isAuthenticated },
  Attestation: { "*": inheritsParent },
  PixCertification: { "*": inheritsParent },
  PixCompetenceLevel: { "*": inheritsParent },
};
