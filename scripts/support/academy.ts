/**
 * A generated academy as its directory file: 404 écoles and 101 collèges per 100,000 pupils, three school years
 * of enrolments (a pupil stays in their school and class letter, one level a year), trimesters, a DIRECTOR or
 * HEAD per school, teachers with their assignments, and two guardians per family of three children. Names come
 * from short lists of common French names, so that name search meets realistic prefixes and duplicates.
 * Used by `npm run bench -- academy` (never by the test suites: the file is large).
 */
import { Degree, Level, Role } from "../../src/common/domain";
import { DirectoryFile } from "../../src/modules/directory/directory.format";

export const ACADEMY = { code: "BNCH", years: [2024, 2025, 2026], year: 2026 } as const;

const ECOLE_LEVELS = [Level.CP, Level.CE1, Level.CE2, Level.CM1, Level.CM2];
const COLLEGE_LEVELS = [Level.SIXIEME, Level.CINQUIEME, Level.QUATRIEME, Level.TROISIEME];
const SHORT: Record<string, string> = { SIXIEME: "6", CINQUIEME: "5", QUATRIEME: "4", TROISIEME: "3" };
export const ECOLE_SUBJECTS = ["FRA-RAC", "MAT-RAC", "EPS-RAC", "ART-RAC", "QLM-RAC", "EMC-RAC", "LGV-RAC", "FRA-LEC", "MAT-NBC", "ART-MUS"];
export const COLLEGE_SUBJECTS = ["020700", "030201", "042100", "061300", "062300", "062900", "070800", "081300", "090100", "100100"];

const SURNAMES = (
  "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David Bertrand Morel Fournier " +
  "Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefevre Faure Andre Mercier Blanc Guerin Boyer Garnier Chevalier Francois " +
  "Legrand Gauthier Garcia Perrin Robin Clement Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire " +
  "Noel Meyer Dufour Meunier Brun Blanchard Giraud Joly Riviere Lucas Brunet Gaillard Barbier Arnaud Martinez Gerard Roche Renard Schmitt Roy " +
  "Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoit Rey Leclerc Payet"
).split(" ");
const FIRST_NAMES = (
  "Gabriel Louis Raphaël Jules Adam Lucas Léo Hugo Arthur Nathan Liam Éthan Paul Nolan Sacha Tom Noah Mohamed Aaron Timéo Emma Jade Louise " +
  "Alice Chloé Lina Léa Rose Anna Mila Inès Ambre Julia Mia Léna Manon Juliette Lou Zoé Camille Agathe Sarah Eva Jeanne Nina Romane Clara Lola"
).split(" ");

export interface AcademySchool {
  uai: string;
  degree: Degree;
  /** Classes per level. */
  perLevel: number;
  levels: Level[];
  pupils: number;
}

/** The schools of an academy of `pupils` pupils: 404 écoles and 101 collèges per 100,000, five écoles' worth of pupils for four collèges'. */
export function academySchools(pupils: number): AcademySchool[] {
  const scale = pupils / 100_000;
  const ecoles = Math.max(1, Math.round(404 * scale));
  const colleges = Math.max(1, Math.round(101 * scale));
  const ecolePupils = Math.round((pupils * 5) / 9);
  const schools: AcademySchool[] = [];
  const spread = (n: number, total: number, make: (i: number, size: number) => AcademySchool) => {
    for (let i = 0; i < n; i++) schools.push(make(i, Math.floor(((i + 1) * total) / n) - Math.floor((i * total) / n)));
  };
  // About 26 pupils a class, never more than the bound of 40 (at most 80 classes a school and year).
  const perLevel = (size: number, levels: number) => Math.min(Math.floor(80 / levels), Math.max(1, Math.ceil(size / levels / 26)));
  spread(ecoles, ecolePupils, (i, size) => ({ uai: `07${String(i).padStart(5, "0")}E`, degree: Degree.FIRST, levels: ECOLE_LEVELS, perLevel: perLevel(size, 5), pupils: size }));
  spread(colleges, pupils - ecolePupils, (i, size) => ({ uai: `08${String(i).padStart(5, "0")}C`, degree: Degree.SECOND, levels: COLLEGE_LEVELS, perLevel: perLevel(size, 4), pupils: size }));
  return schools;
}

export const classCode = (level: Level, letter: number) => `${SHORT[level] ?? level}${String.fromCharCode(65 + letter)}`;
export const pupilIne = (n: number) => `7${String(n).padStart(9, "0")}A`;
export const guardianLogin = (family: number, parent: number) => `parent.bnch.${family}.${parent}`;
export const leadLogin = (uai: string) => `lead.${uai}`;
export const teacherLogin = (uai: string, n: number) => `teacher.${uai}.${n}`;
export const DASEN_LOGIN = "dasen.bnch";

/** Period dates of trimesters in `year` (September to July). */
export function trimesters(year: number) {
  return [
    { startsOn: `${year}-09-01`, endsOn: `${year}-11-27` },
    { startsOn: `${year}-11-28`, endsOn: `${year + 1}-03-06` },
    { startsOn: `${year + 1}-03-07`, endsOn: `${year + 1}-07-04` },
  ];
}

/** Every pupil of the academy: school, class letter and this year's level index, in file order. */
export function* academyPupils(schools: AcademySchool[]): Generator<{ n: number; school: AcademySchool; levelIndex: number; letter: number }> {
  let n = 0;
  for (const school of schools) {
    const classes = school.levels.length * school.perLevel;
    for (let i = 0; i < school.pupils; i++) {
      const c = i % classes;
      yield { n: n++, school, levelIndex: Math.floor(c / school.perLevel), letter: c % school.perLevel };
    }
  }
}

export function academyDirectory(pupilCount: number): DirectoryFile {
  const schools = academySchools(pupilCount);
  const years = ACADEMY.years;
  const file: Required<Omit<DirectoryFile, "subjects" | "groups">> & DirectoryFile = {
    format: "livret-directory/1",
    academies: [{ code: ACADEMY.code, name: "Académie de banc d'essai" }],
    schools: schools.map((s) => ({ uai: s.uai, name: `${s.degree === Degree.FIRST ? "École" : "Collège"} ${s.uai}`, degree: s.degree, academy: ACADEMY.code, onlineServiceOpen: true })),
    classes: [],
    periodSchemes: [],
    pupils: [],
    guardians: [],
    staff: [{ login: DASEN_LOGIN, surname: "Dasen", firstName: "Banc", roles: [{ role: Role.DASEN, academy: ACADEMY.code }] }],
    assignments: [],
  };
  for (const s of schools) {
    for (const year of years) {
      const codes: string[] = [];
      for (const level of s.levels) {
        for (let letter = 0; letter < s.perLevel; letter++) {
          const code = classCode(level, letter);
          codes.push(code);
          file.classes.push({ school: s.uai, schoolYear: year, code, label: `${code} ${year}`, levels: [level] });
        }
      }
      file.periodSchemes.push({ school: s.uai, schoolYear: year, name: "Trimestres", periods: trimesters(year), classes: codes });
    }
    file.staff.push({ login: leadLogin(s.uai), surname: "Direction", firstName: s.uai, roles: [{ role: s.degree === Degree.FIRST ? Role.DIRECTOR : Role.HEAD, school: s.uai }] });
    if (s.degree === Degree.FIRST) {
      // One teacher per class, teaching it every subject.
      s.levels.forEach((level, li) => {
        for (let letter = 0; letter < s.perLevel; letter++) {
          const login = teacherLogin(s.uai, li * s.perLevel + letter);
          file.staff.push({ login, surname: "Professeur", firstName: classCode(level, letter), roles: [{ role: Role.TEACHER, school: s.uai }] });
          for (const subject of ECOLE_SUBJECTS) file.assignments.push({ login, school: s.uai, schoolYear: ACADEMY.year, class: classCode(level, letter), subject });
        }
      });
    } else {
      // One teacher per subject and pair of levels.
      COLLEGE_SUBJECTS.forEach((subject, si) => {
        for (let pair = 0; pair < 2; pair++) {
          const login = teacherLogin(s.uai, si * 2 + pair);
          file.staff.push({ login, surname: "Professeur", firstName: subject, roles: [{ role: Role.TEACHER, school: s.uai }] });
          for (const level of s.levels.slice(pair * 2, pair * 2 + 2)) {
            for (let letter = 0; letter < s.perLevel; letter++) file.assignments.push({ login, school: s.uai, schoolYear: ACADEMY.year, class: classCode(level, letter), subject });
          }
        }
      });
    }
  }
  let family: string[] = [];
  const closeFamily = (n: number) => {
    if (!family.length) return;
    const surname = SURNAMES[(n * 7) % SURNAMES.length];
    for (let parent = 0; parent < 2; parent++) {
      file.guardians.push({
        login: guardianLogin(n, parent),
        surname,
        firstName: FIRST_NAMES[(n + parent * 13) % FIRST_NAMES.length],
        educonnectActive: true,
        children: family.map((ine) => ({ ine, relationship: parent ? "PERE" : "MERE" })),
      });
    }
    family = [];
  };
  for (const p of academyPupils(schools)) {
    const enrolments = [];
    // This year's level is levelIndex; a year earlier it was one level lower, in the same school and letter.
    for (let back = 0; back < years.length && p.levelIndex - back >= 0; back++) {
      const level = p.school.levels[p.levelIndex - back];
      enrolments.push({ school: p.school.uai, schoolYear: ACADEMY.year - back, class: classCode(level, p.letter), level, schoolPupilId: p.n + 1 });
    }
    file.pupils.push({
      ine: pupilIne(p.n),
      surname: SURNAMES[Math.floor(p.n / 3) % SURNAMES.length] + (p.n % 11 === 0 ? `-${SURNAMES[(p.n * 13) % SURNAMES.length]}` : ""),
      firstName: FIRST_NAMES[(p.n * 7) % FIRST_NAMES.length],
      birthDate: `${ACADEMY.year - 6 - (p.school.degree === Degree.SECOND ? 5 : 0) - p.levelIndex}-${String((p.n % 12) + 1).padStart(2, "0")}-${String((p.n % 28) + 1).padStart(2, "0")}`,
      enrolments,
    });
    family.push(pupilIne(p.n));
    if (family.length === 3) closeFamily(Math.floor(p.n / 3));
  }
  closeFamily(Math.floor(pupilCount / 3) + 1);
  return file;
}
