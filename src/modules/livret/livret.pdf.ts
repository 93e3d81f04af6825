import PDFDocument from "pdfkit";
import { ATTESTATIONS, labelOf, LEVELS, PARCOURS, POSITIONING, SOCLE_COMPONENTS, SOCLE_LEVELS, SUPPORT_MEASURES } from "./livret.labels";
import type { LivretStudent } from "./livret.document";

const frDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "UTC" }) : "");
const yearLabel = (year: number) => `${year}-${year + 1}`;
const status = (s: string, lockedAt: string | null) => (s === "LOCKED" ? `Verrouillé le ${frDate(lockedAt)}` : "Brouillon (non verrouillé)");

/**
 * The livret of one or more pupils as one PDF (LSU's "Éditer la sélection"): each pupil starts on a new
 * page, with exactly what the graph answered for the caller. Values typed by users are printed as text.
 */
export function renderLivret(students: LivretStudent[], printedOn: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: "Livret scolaire unique", Creator: "Livret" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string, size = 13) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor("#1d3557").text(text).fillColor("black");
  const line = (label: string, value: string) => doc.font("Helvetica-Bold").fontSize(10).text(`${label} : `, { continued: true }).font("Helvetica").text(value);
  const body = (text: string) => doc.font("Helvetica").fontSize(10).text(text);

  students.forEach((student, index) => {
    if (index > 0) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(18).text("Livret scolaire unique");
    doc.font("Helvetica").fontSize(9).fillColor("#555").text(`Édité le ${frDate(printedOn)}`).fillColor("black");
    heading(`${student.surname} ${student.firstName}`, 15);
    line("INE", student.ine);
    if (student.birthDate) line("Né(e) le", frDate(student.birthDate));
    const years = [...new Set([...student.enrolments.map((e) => e.schoolYear), ...student.periodicReports.map((r) => r.schoolYear)])].sort((a, b) => b - a);
    for (const year of years) {
      const enrolment = student.enrolments.find((e) => e.schoolYear === year);
      heading(`Année scolaire ${yearLabel(year)}${enrolment ? ` — ${LEVELS[enrolment.level] ?? enrolment.level}, classe ${enrolment.class.code}` : ""}`);
      if (enrolment) line("Établissement", `${enrolment.school.name} (${enrolment.school.uai})`);
      const reports = student.periodicReports.filter((r) => r.schoolYear === year).sort((a, b) => a.period.position - b.period.position);
      if (!reports.length) body("Aucun bilan périodique consultable pour cette année.");
      for (const report of reports) {
        heading(`Bilan périodique — période ${report.period.position} (du ${frDate(report.period.startsOn)} au ${frDate(report.period.endsOn)})`, 11);
        line("École / établissement", `${report.class.school.name}, classe ${report.class.code}`);
        line("État", status(report.status, report.lockedAt));
        for (const entry of report.entries) {
          doc.moveDown(0.3).font("Helvetica-Bold").fontSize(10).text(entry.subject.label);
          const teachers = entry.teachers.map((t) => t.surname).join(", ");
          if (teachers) body(`Enseignant(s) : ${teachers}`);
          if (entry.programElements.length) body(`Éléments du programme travaillés : ${entry.programElements.map((p) => p.label).join(" ; ")}`);
          if (entry.positioning != null) body(`Positionnement : ${POSITIONING[entry.positioning] ?? entry.positioning}`);
          if (entry.studentAverage != null) body(`Moyenne de l'élève : ${entry.studentAverage}`);
          if (entry.appreciation) body(`Appréciation : ${entry.appreciation}`);
        }
        for (const p of report.parcours) line(labelOf(PARCOURS, p.code), p.text);
        for (const m of report.supportMeasures) line("Modalité d'accompagnement", `${labelOf(SUPPORT_MEASURES, m.code)}${m.details ? ` — ${m.details}` : ""}`);
        if (report.synthesis) line("Appréciation générale", report.synthesis);
      }
      for (const cycle of student.cycleReports.filter((c) => c.schoolYear === year)) {
        heading(`Bilan de fin de cycle ${cycle.cycle} — ${cycle.school.name}`, 11);
        line("État", status(cycle.status, cycle.lockedAt));
        body("Maîtrise des composantes du socle commun de connaissances, de compétences et de culture :");
        for (const c of cycle.components) body(`• ${labelOf(SOCLE_COMPONENTS, c.code)} : ${SOCLE_LEVELS[c.level] ?? c.level}`);
        if (cycle.synthesis) line("Synthèse des acquis", cycle.synthesis);
      }
      const attestations = student.attestations.filter((a) => a.schoolYear === year);
      if (attestations.length) {
        heading("Attestations", 11);
        for (const a of attestations) body(`• ${labelOf(ATTESTATIONS, a.type)} — obtenue le ${frDate(a.obtainedOn)} (${a.school.name})`);
      }
    }
  });
  doc.end();
  return done;
}
