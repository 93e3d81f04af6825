/**
 * What the printed livret shows, read through the graph itself with the caller's context: the same
 * permissions, scopes and record rules (R-SEED-12 for staff, R-SEED-13 for guardians) and the same
 * audit of staff reads apply as to any front end's query.
 */
export const LIVRET_QUERY = /* GraphQL */ `
  query LivretPdf($id: ID!) {
    student(id: $id) {
      id
      surname
      firstName
      ine
      birthDate
      enrolments { schoolYear level school { name uai } class { code } }
      periodicReports {
        id
        schoolYear
        status
        lockedAt
        synthesis
        class { code school { name } }
        period { position startsOn endsOn }
        entries {
          subject { code label }
          positioning
          studentAverage
          appreciation
          programElements { label }
          teachers { surname }
        }
        parcours { code text }
        supportMeasures { code details }
      }
      cycleReports { cycle schoolYear status lockedAt synthesis school { name } components { code level } }
      attestations { type obtainedOn schoolYear school { name } }
    }
  }
`;

export interface LivretStudent {
  id: string;
  surname: string;
  firstName: string;
  ine: string;
  birthDate: string | null;
  enrolments: Array<{ schoolYear: number; level: string; school: { name: string; uai: string }; class: { code: string } }>;
  periodicReports: Array<{
    id: string;
    schoolYear: number;
    status: string;
    lockedAt: string | null;
    synthesis: string | null;
    class: { code: string; school: { name: string } };
    period: { position: number; startsOn: string; endsOn: string };
    entries: Array<{
      subject: { code: string; label: string };
      positioning: number | null;
      studentAverage: string | null;
      appreciation: string | null;
      programElements: Array<{ label: string }>;
      teachers: Array<{ surname: string }>;
    }>;
    parcours: Array<{ code: string; text: string }>;
    supportMeasures: Array<{ code: string; details: string | null }>;
  }>;
  cycleReports: Array<{ cycle: number; schoolYear: number; status: string; lockedAt: string | null; synthesis: string | null; school: { name: string }; components: Array<{ code: string; level: number }> }>;
  attestations: Array<{ type: string; obtainedOn: string; schoolYear: number; school: { name: string } }>;
}
