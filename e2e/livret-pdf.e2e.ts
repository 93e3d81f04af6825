import { e2eState } from "./support/browser";
import { readPdf } from "./support/pdf";

/** The livret as PDF from the running server, read back with poppler (pdftotext, pdftoppm). */
describe("the livret as PDF", () => {
  const { url, tokens } = e2eState();

  const graph = async (login: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens[login]}` },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: any }).data;
  };
  const pdf = async (login: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${tokens[login]}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const reportsOf = (login: string, id: string) =>
    graph(login, "query($id: ID!) { student(id: $id) { periodicReports { status period { position } } cycleReports { cycle } attestations { type } } }", { id }).then((d) => d.student);
  const count = (text: string, needle: string) => text.split(needle).length - 1;
  type Pupil = { id: string; firstName: string; surname: string };
  /** A class of École Jean Moulin as its director sees it. */
  const moulinClass = async (code: string) => {
    const schools = (await graph("director.moulin", "{ schools { items { classes { code students { id firstName surname } } } } }")).schools.items;
    return schools.flatMap((s: any) => s.classes).find((c: any) => c.code === code).students as Pupil[];
  };

  it("R-SEED-13: a guardian downloads their child's livret: every locked report the graph gives them, with school, periods and lock dates, in French", async () => {
    const children = (await graph("parent.martin", "{ myChildren { id firstName surname } }")).myChildren as Array<{ id: string; firstName: string; surname: string }>;
    const lea = children.find((c) => c.firstName === "Léa")!;
    const response = await pdf("parent.martin", `/livret/${lea.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text, pages, pngs } = readPdf(Buffer.from(await response.arrayBuffer()));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pngs[0].subarray(1, 4).toString()).toBe("PNG");
    expect(text).toContain("Livret scolaire unique");
    expect(text).toContain(`${lea.surname} ${lea.firstName}`);
    expect(text).toContain("Jean Moulin (0691001A)");
    const graphSays = await reportsOf("parent.martin", lea.id);
    expect(graphSays.periodicReports.length).toBeGreaterThan(0);
    expect(count(text, "Bilan périodique — période")).toBe(graphSays.periodicReports.length);
    expect(count(text, "Verrouillé le")).toBe(graphSays.periodicReports.length + graphSays.cycleReports.filter(Boolean).length);
    expect(text).not.toContain("Brouillon");
    expect(text).toMatch(/du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}/);
  });

  it("a pupil the guardian may not read answers exactly like a missing one; no token is 401", async () => {
    const eloise = (await moulinClass("CE2-CM1")).find((p) => p.firstName === "Éloïse")!.id;
    const other = await pdf("parent.martin", `/livret/${eloise}.pdf`);
    const missing = await pdf("parent.martin", "/livret/999999.pdf");
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await other.json()).toEqual(await missing.json());
    expect((await fetch(`${url}/livret/${eloise}.pdf`)).status).toBe(401);
  });

  it("R-SEED-12: Éditer la sélection prints a class's pupils at once, each from their first page, with what the graph gives the teacher", async () => {
    const students = await moulinClass("CP");
    expect(students.length).toBeGreaterThan(1);
    const response = await pdf("teacher.cp", "/livret/selection.pdf", { studentIds: students.map((s) => s.id) });
    expect(response.status).toBe(200);
    const { text, pages } = readPdf(Buffer.from(await response.arrayBuffer()));
    expect(pages).toBeGreaterThanOrEqual(students.length);
    let expected = 0;
    for (const s of students) {
      expect(text).toContain(`${s.surname} ${s.firstName}`);
      expected += (await reportsOf("teacher.cp", s.id)).periodicReports.length;
    }
    expect(count(text, "Bilan périodique — période")).toBe(expected);
    expect(count(text, "Livret scolaire unique")).toBe(students.length);
  });

  it("a selection naming a pupil outside the teacher's scope is refused whole like a missing pupil", async () => {
    const cp = await moulinClass("CP");
    const cm2 = await moulinClass("CM2");
    const response = await pdf("teacher.cp", "/livret/selection.pdf", { studentIds: [cp[0].id, cm2[0].id] });
    expect(response.status).toBe(404);
    expect((await pdf("teacher.cp", "/livret/selection.pdf", { studentIds: [] })).status).toBe(400);
  });
});
