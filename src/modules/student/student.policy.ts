import { PupilRelation } from "../../auth/policy";

/**
 * Who may read which part of a pupil's record (the periodic reports are decided in report.policy.ts,
 * end-of-cycle reports in cycle-report.policy.ts, attestations and Pix in attestation.policy.ts).
 */

/** Guardians' identities: the DIRECTOR/HEAD of the pupil's school (SPEC §5). */
export const mayReadGuardians = (r: PupilRelation): boolean => r.lead;

