/**
 * The business rules' ids (SPEC §3, and the LSU rules of lsu-research.md that the code applies), each with
 * a one-line statement. `ruleError` and `extensions.rule` take an id from here, so a typo does not
 * compile; tests name a rule in their title (`R-SEED-08: …`); the README lists them (a test keeps the
 * list true).
 */
export const RULES = {
  "R-SEED-01": "Periods first: no periodic report is created or imported for a class until its periods are set (PERIODS_NOT_CONFIGURED).",
  "R-SEED-02": "Class settings (data source, positioning type) are set early; a change that destroys data needs confirmation (DATA_LOSS_NOT_CONFIRMED).",
  "R-SEED-03": "A positioning type change deletes the positionings and averages of the class's unlocked reports of the year, nothing else.",
  "R-SEED-04": "A data source change: locked reports become read-only for good, unlocked ones are deleted with their entries.",
  "R-SEED-04a": "A read-only report (after a data source change) can be neither edited nor unlocked (REPORT_READ_ONLY).",
  "R-SEED-04b": "A data source change deletes the unlocked reports with all their entries, individual and collective.",
  "R-SEED-04c": "Whole-class program elements deleted by a data source change are not offered by next year's carry-over.",
  "R-SEED-05": "The source matches the channel: a class set to ENTRY refuses imports, one set to IMPORT refuses typed-in reports (SETTINGS_MISMATCH).",
  "R-SEED-06": "Only the receiving school's DIRECTOR/HEAD transfers a pupil from another academy; then that school sees the earlier record.",
  "R-SEED-07": "Carry-over of program elements is yearly: the whole class, the whole year, every subject at once.",
  "R-SEED-08": "Carry-over is refused once any periodic report of the class is locked this year (CARRY_OVER_UNAVAILABLE).",
  "R-SEED-09": "Reports of earlier years can be neither created nor imported (PAST_YEAR).",
  "R-SEED-10": "A past-year report changes only under a written authorisation (DASEN in 1D, HEAD in 2D) listing the elements, used once (AMENDMENT_NOT_AUTHORISED).",
  "R-SEED-11": "Guardians of a 2D pupil see nothing until the school has opened the online service.",
  "R-SEED-12": "Staff, leads included, by every path, see a pupil's periodic reports only for the levels the table gives for the pupil's current level.",
  "R-SEED-13": "Guardians see everything of their own child while their EduConnect account is active; nothing when it is not.",
  "R-SEED-14": "Staff search pupils by name (case- and accent-insensitive prefix); pupils with nothing this year in the school are not returned.",
  "R-SEED-15": "The home query returns notices for the caller's role (locking reminders, periods or settings missing, unlocked reports).",
  "R-SEED-16": "A teacher who edits a pupil's 1D report becomes one of its reference teachers at once, once.",
  "R-SEED-17": "Group-only teachers read the attestations and Pix certifications of their groups' pupils.",
  "R-SEED-18": "A 1D teacher of the pupil reads and edits an end-of-cycle report created by another teacher.",
  "R-SEED-19": "The last CM2 or 6e report can be locked when its digital skills part holds only the collective appreciation.",
  "R-PUB-04": "Imported reports arrive LOCKED, with their own lock date when the file gives one.",
  "R-PUB-06": "One positioning system per class (OBJECTIVES or SCALE: 1–4; GRADES: an average of at most 8 characters).",
  "R-PUB-10": "Import diagnostics per report: errors reject one report, warnings keep it; a malformed file imports nothing.",
  "R-PUB-14": "An end-of-cycle report is complete with exactly 8 components rated 0–4 and a synthesis of at most 1500 characters.",
  "R-PUB-15": "End-of-cycle reports exist for cycle 2 in écoles, cycles 3 and 4 in collèges.",
  "R-PUB-16": "Parcours by degree: PAR_AVN in 2D only; PAR_CIT, PAR_ART, PAR_SAN; at most one per code per report.",
  "R-PUB-17": "Digital skills belong to the last period of CM2 and 6e only.",
  "R-PUB-19": "Bounds: school-life counts 0–999, text lengths as LSU allows.",
  "R-PUB-20": "Keys: one report per (pupil, period), one end-of-cycle report per (pupil, cycle), one entry per subject per report.",
  "R-PUB-21": "Pix certification results are imported by the pupil's school, then consulted by staff.",
  "R-NEW-01": "Nothing is lost: what a settings change deletes is archived, and the DIRECTOR/HEAD can restore it within the school year.",
  "R-NEW-02": "Every write, and every staff read of a pupil's record, leaves an audit event in the same transaction.",
  "R-NEW-03": "No lost update: of two concurrent edits of one report exactly one wins, the other gets CONFLICT.",
  "R-NEW-04": "Locked is final: nothing changes what a locked report shows until the DIRECTOR/HEAD unlocks it (REPORT_LOCKED).",
  "R-NEW-05": "Each collège class has principal teachers; they or the HEAD write a 2D report's synthesis, each subject teacher their own entry.",
} as const;

export type RuleId = keyof typeof RULES;
