import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A PDF's text as poppler's pdftotext reads it (layout kept), and its pages rendered to PNG by pdftoppm. */
export function readPdf(pdf: Buffer): { text: string; pages: number; pngs: Buffer[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-pdf-"));
  try {
    const file = path.join(dir, "livret.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    execFileSync("pdftoppm", ["-png", "-r", "50", file, path.join(dir, "page")]);
    const pngs = fs.readdirSync(dir).filter((f) => f.endsWith(".png")).sort().map((f) => fs.readFileSync(path.join(dir, f)));
    return { text, pages: pngs.length, pngs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
