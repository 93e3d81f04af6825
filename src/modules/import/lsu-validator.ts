import { textLength } from "../../common/text";
import { SaxesParser, SaxesTagNS } from "saxes";
import { ComplexType, ElementType, LSU_NAMESPACE, LsuSchema, Particle, schemaForVersion, SimpleType, SUPPORTED_VERSIONS, XSI_NAMESPACE } from "./lsu-schema";

/** One structural problem of a file: where, which element, which schema rule. */
export interface StructuralProblem {
  line: number;
  element: string;
  rule: string;
  message: string;
}

/** An element of the file kept for the import: attributes, text and children (below `donnees` only). */
export interface XmlNode {
  name: string;
  line: number;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export interface LsuFile {
  schema: LsuSchema;
  schemaVersion: string;
  header: { editor: string; application: string; applicationVersion: string | null; uai: string };
  /** Records of each section of `donnees`, by section name (eleves → eleve nodes, bilans-periodiques → …). */
  sections: Map<string, XmlNode[]>;
}

export interface ValidationResult {
  file: LsuFile | null;
  problems: StructuralProblem[];
}

/** The first problems are enough to fix a file; past this many, parsing stops. */
export const MAX_PROBLEMS = 20;

interface Frame {
  name: string;
  path: string;
  line: number;
  type: ElementType | null;
  /** Element-only content: position in the sequence and how many times the current particle matched. */
  index: number;
  count: number;
  seen: Map<string, number> | null;
  text: string;
  /** Per scope: unique constraint name → keys seen. */
  uniques: Map<string, Set<string>> | null;
  node: XmlNode | null;
  /** Inside an element already reported: its descendants are not checked. */
  skip: boolean;
  /** The element's declared attributes as written (identity constraints read them). */
  attrValues?: Record<string, string>;
}

const collapse = (value: string) => value.replace(/[ \t\n\r]+/g, " ").trim();
const NCNAME = /^[A-Za-z_\u00C0-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][A-Za-z0-9_.\-\u00B7\u00C0-\u02FF\u0300-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*$/;

// XSD lengths count characters, not UTF-16 units.
const characterCount = textLength;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= DAYS[month - 1];
}
const TIMEZONE = "(Z|[+-](\\d{2}):(\\d{2}))?";
const DATE = new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})${TIMEZONE}$`);
const DATE_TIME = new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?${TIMEZONE}$`);
const validZone = (h?: string, m?: string) => h === undefined || (Number(h) < 14 && Number(m) < 60) || (h === "14" && m === "00");

/** Checks one value against a simple type. Returns the rule broken and a message, or null. */
export function checkSimple(type: SimpleType, raw: string): { rule: string; message: string } | null {
  switch (type.kind) {
    case "string": {
      const length = characterCount(raw);
      if (type.enumeration && !type.enumeration.includes(raw)) {
        return { rule: "enumeration", message: `'${clip(raw)}' is not one of ${type.enumeration.join(", ")} (${type.name}).` };
      }
      if (type.length !== undefined && length !== type.length) return { rule: "length", message: `must be exactly ${type.length} characters long (${type.name}); it has ${length}.` };
      if (type.minLength !== undefined && length < type.minLength) return { rule: "minLength", message: `must be at least ${type.minLength} characters long (${type.name}).` };
      if (type.maxLength !== undefined && length > type.maxLength) return { rule: "maxLength", message: `must be at most ${type.maxLength} characters long (${type.name}); it has ${length}.` };
      if (type.pattern && !type.pattern.test(raw)) return { rule: "pattern", message: `'${clip(raw)}' does not match the pattern of ${type.name}.` };
      return null;
    }
    case "integer": {
      const value = collapse(raw);
      if (!/^[+-]?[0-9]+$/.test(value)) return { rule: "type", message: `'${clip(value)}' is not an integer (${type.name}).` };
      if (type.pattern && !type.pattern.test(value)) return { rule: "pattern", message: `'${clip(value)}' does not match the pattern of ${type.name}.` };
      const n = BigInt(value);
      if (n < BigInt(type.min)) return { rule: "minInclusive", message: `${value} is below ${type.min} (${type.name}).` };
      if (type.max !== undefined && n > BigInt(type.max)) return { rule: "maxInclusive", message: `${value} is above ${type.max} (${type.name}).` };
      return null;
    }
    case "boolean":
      return ["true", "false", "1", "0"].includes(collapse(raw)) ? null : { rule: "type", message: `'${clip(raw)}' is not a boolean (true, false, 1, 0).` };
    case "date": {
      const m = DATE.exec(collapse(raw));
      return m && validDate(Number(m[1]), Number(m[2]), Number(m[3])) && validZone(m[5], m[6]) ? null : { rule: "type", message: `'${clip(raw)}' is not a date (YYYY-MM-DD).` };
    }
    case "dateTime": {
      const m = DATE_TIME.exec(collapse(raw));
      const ok =
        m &&
        validDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
        ((Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60) || (m[4] === "24" && m[5] === "00" && m[6] === "00" && !m[7])) &&
        validZone(m[9], m[10]);
      return ok ? null : { rule: "type", message: `'${clip(raw)}' is not a date and time (YYYY-MM-DDThh:mm:ss).` };
    }
    case "id":
    case "idref":
      return NCNAME.test(collapse(raw)) ? null : { rule: "type", message: `'${clip(raw)}' is not a valid identifier (${type.name}).` };
    case "idrefs": {
      const items = collapse(raw).split(" ").filter(Boolean);
      if (items.length < type.minItems) return { rule: type.minItems > 1 ? "minLength" : "IDREFS", message: `needs at least ${type.minItems} reference(s) (${type.name}).` };
      const bad = items.find((item) => !NCNAME.test(item));
      return bad ? { rule: "type", message: `'${clip(bad)}' is not a valid identifier (${type.name}).` } : null;
    }
  }
}

const clip = (value: string) => (value.length > 40 ? `${value.slice(0, 37)}…` : value);

/** The value a unique constraint compares: typed values compare by value, as the schema's types say. */
function keyValue(type: SimpleType, raw: string): string {
  if (type.kind === "integer") return BigInt(collapse(raw)).toString();
  if (type.kind === "boolean") return collapse(raw) === "true" || collapse(raw) === "1" ? "true" : "false";
  if (type.kind === "string") return raw;
  return collapse(raw);
}

const isComplex = (type: ElementType | null): type is ComplexType => type?.kind === "complex";

/**
 * Streams a file through saxes and checks it against the schema its schemaVersion names. Keeps the records
 * below `donnees` as small trees for the import. Never throws on bad input: every problem is returned.
 */
export async function validateLsuStream(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: { onBytes?: (bytes: number) => void } = {},
): Promise<ValidationResult> {
  const problems: StructuralProblem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Frame[] = [];
  const ids = new Set<string>();
  const idrefs: Array<{ value: string; line: number; element: string }> = [];
  const sections = new Map<string, XmlNode[]>();
  const header: Record<string, string> = {};
  let schema: LsuSchema | null = null;
  let schemaVersion = "";
  let stopped = false;
  let sawRoot = false;

  const report = (line: number, element: string, rule: string, message: string) => {
    if (stopped) return;
    problems.push({ line, element, rule, message });
    if (problems.length >= MAX_PROBLEMS) stopped = true;
  };

  parser.on("error", (error) => {
    report(parser.line, stack.length ? stack[stack.length - 1].path : "", "well-formed", error.message.replace(/^[^:]*:\d+:\d+: /, ""));
    stopped = true;
  });

  parser.on("opentag", (tag: SaxesTagNS) => {
    if (stopped) return;
    const line = parser.line;
    const parent = stack[stack.length - 1];
    const name = tag.local;
    const path = parent ? `${parent.path}/${name}` : name;
    const frame: Frame = { name, path, line, type: null, index: 0, count: 0, seen: null, text: "", uniques: null, node: null, skip: false };
    stack.push(frame);

    if (!parent) {
      sawRoot = true;
      if (tag.uri !== LSU_NAMESPACE) {
        report(line, path, "namespace", `The root element must be lsun-bilans in the namespace ${LSU_NAMESPACE}.`);
        stopped = true;
        return;
      }
      if (name !== "lsun-bilans") {
        report(line, path, "root", "The root element must be lsun-bilans.");
        stopped = true;
        return;
      }
      schemaVersion = tag.attributes["schemaVersion"]?.uri === "" ? tag.attributes["schemaVersion"].value : "";
      schema = schemaForVersion(schemaVersion);
      if (!schema) {
        report(line, `${path}/@schemaVersion`, "schemaVersion", `schemaVersion '${clip(schemaVersion)}' is not supported (supported: ${SUPPORTED_VERSIONS.join(", ")}).`);
        stopped = true;
        return;
      }
      frame.type = schema.root;
    } else {
      if (parent.skip) {
        frame.skip = true;
        return;
      }
      if (tag.uri !== LSU_NAMESPACE) {
        report(line, path, "namespace", `Element ${name} is not in the LSU namespace.`);
        frame.skip = true;
        return;
      }
      const particle = matchChild(parent, name, line);
      if (!particle) {
        frame.skip = true;
        return;
      }
      frame.type = particle.type;
    }

    checkAttributes(frame, tag);
    if (isComplex(frame.type) && frame.type.uniques?.length) frame.uniques = new Map();
    // Records below donnees are kept (depth 3 and deeper); the header's fields are read as text.
    if (stack.length >= 4) {
      const attrs: Record<string, string> = {};
      for (const a of Object.values(tag.attributes)) if (a.uri === "") attrs[a.local] = a.value;
      frame.node = { name, line, attrs, text: "", children: [] };
      if (stack.length > 4) stack[stack.length - 2].node?.children.push(frame.node);
    }
  });

  const onText = (text: string) => {
    if (stopped || !stack.length) return;
    stack[stack.length - 1].text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  parser.on("closetag", () => {
    const frame = stack.pop();
    if (!frame || stopped) return;
    const type = frame.type;
    if (frame.skip || !type) return;
    if (!isComplex(type)) {
      const problem = checkSimple(type, frame.text);
      if (problem) report(frame.line, frame.path, problem.rule, `${frame.name}: ${problem.message}`);
    } else if (type.content.kind === "simple") {
      const problem = checkSimple(type.content.type, frame.text);
      if (problem) report(frame.line, frame.path, problem.rule, `${frame.name}: ${problem.message}`);
    } else {
      if (frame.text.trim() !== "" || (type.content.kind === "empty" && frame.text !== "")) {
        report(frame.line, frame.path, "content", `${frame.name} may not contain text.`);
      }
      finishChildren(frame, type);
    }
    if (frame.node) {
      frame.node.text = frame.text;
      if (stack.length === 3) {
        const section = stack[2].name;
        const list = sections.get(section) ?? [];
        list.push(frame.node);
        sections.set(section, list);
      }
    } else if (stack.length === 2 && stack[1].name === "entete") {
      header[frame.name] = frame.text;
    }
    // Identity constraints of the parent's scope.
    const parent = stack[stack.length - 1];
    if (parent?.uniques && isComplex(parent.type)) {
      for (const u of parent.type.uniques ?? []) {
        if (u.selector !== frame.name || !isComplex(type)) continue;
        const values: string[] = [];
        for (const field of u.fields) {
          const decl = type.attributes.find((a) => a.name === field);
          const raw = frame.attrValues?.[field];
          if (raw === undefined || !decl || checkSimple(decl.type, raw)) break;
          values.push(keyValue(decl.type, raw));
        }
        if (values.length !== u.fields.length) continue;
        const key = JSON.stringify(values);
        const seen = parent.uniques.get(u.name) ?? new Set<string>();
        if (seen.has(key)) {
          report(frame.line, frame.path, "unique", `Duplicate ${u.fields.map((f) => `@${f}`).join(", ")} (${values.join(", ")}) in ${parent.name} (${u.name}).`);
        }
        seen.add(key);
        parent.uniques.set(u.name, seen);
      }
    }
  });

  function matchChild(parent: Frame, name: string, line: number): Particle | null {
    const type = parent.type;
    const where = `${parent.path}/${name}`;
    if (!isComplex(type) || type.content.kind === "empty" || type.content.kind === "simple") {
      report(line, where, "content", `${parent.name} may not contain elements.`);
      return null;
    }
    const particles = type.content.particles;
    if (type.content.kind === "all") {
      const particle = particles.find((p) => p.name === name);
      parent.seen ??= new Map();
      if (!particle || (parent.seen.get(name) ?? 0) >= 1) {
        report(line, where, "content", `Element ${name} is not expected in ${parent.name}.`);
        return null;
      }
      parent.seen.set(name, 1);
      return particle;
    }
    // A sequence whose particles have distinct names: a deterministic walk forward.
    let index = parent.index;
    let count = parent.count;
    while (index < particles.length) {
      const particle = particles[index];
      if (particle.name === name && count < particle.max) {
        parent.index = index;
        parent.count = count + 1;
        return particle;
      }
      if (count < particle.min) break;
      index += 1;
      count = 0;
    }
    const expected = expectedNames(particles, parent.index, parent.count);
    report(line, where, "content", `Element ${name} is not expected in ${parent.name} here${expected ? `; expected: ${expected}` : ""}.`);
    return null;
  }

  function expectedNames(particles: Particle[], index: number, count: number): string {
    const names: string[] = [];
    for (let i = index; i < particles.length; i++) {
      const p = particles[i];
      const used = i === index ? count : 0;
      if (used < p.max) names.push(p.name);
      if (used < p.min) break;
    }
    return names.join(" | ");
  }

  function finishChildren(frame: Frame, type: ComplexType) {
    if (type.content.kind === "all") {
      for (const p of type.content.particles) {
        if (p.min > 0 && !frame.seen?.get(p.name)) report(frame.line, frame.path, "content", `${frame.name} is missing ${p.name}.`);
      }
      return;
    }
    if (type.content.kind !== "sequence") return;
    const particles = type.content.particles;
    for (let i = frame.index; i < particles.length; i++) {
      const used = i === frame.index ? frame.count : 0;
      if (used < particles[i].min) {
        report(frame.line, frame.path, used ? "maxOccurs" : "content", `${frame.name} is missing ${particles[i].name}${particles[i].min > 1 ? ` (${particles[i].min} needed, ${used} found)` : ""}.`);
        return;
      }
    }
  }

  function checkAttributes(frame: Frame, tag: SaxesTagNS) {
    const type = frame.type;
    const declared = isComplex(type) ? type.attributes : [];
    const present = new Set<string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === "http://www.w3.org/2000/xmlns/" || a.prefix === "xmlns" || a.name === "xmlns") continue;
      if (a.uri === XSI_NAMESPACE && ["schemaLocation", "noNamespaceSchemaLocation", "type", "nil"].includes(a.local)) {
        if (a.local === "schemaLocation" || a.local === "noNamespaceSchemaLocation") continue;
        report(frame.line, `${frame.path}/@xsi:${a.local}`, "attribute", `xsi:${a.local} is not accepted here.`);
        continue;
      }
      const decl = a.uri === "" ? declared.find((d) => d.name === a.local) : undefined;
      if (!decl) {
        report(frame.line, `${frame.path}/@${a.name}`, "attribute", `Attribute ${a.name} is not allowed on ${frame.name}.`);
        continue;
      }
      present.add(decl.name);
      (frame.attrValues ??= {})[decl.name] = a.value;
      const problem = checkSimple(decl.type, a.value);
      if (problem) {
        report(frame.line, `${frame.path}/@${decl.name}`, problem.rule, `@${decl.name}: ${problem.message}`);
        continue;
      }
      if (decl.type.kind === "id") {
        const id = collapse(a.value);
        if (ids.has(id)) report(frame.line, `${frame.path}/@${decl.name}`, "ID", `Identifier '${clip(id)}' is used twice.`);
        ids.add(id);
      } else if (decl.type.kind === "idref" || decl.type.kind === "idrefs") {
        for (const value of collapse(a.value).split(" ")) if (value) idrefs.push({ value, line: frame.line, element: `${frame.path}/@${decl.name}` });
      }
    }
    for (const d of declared) {
      if (d.required && !present.has(d.name)) report(frame.line, frame.path, "attribute", `${frame.name} is missing the required attribute ${d.name}.`);
    }
  }

  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  try {
    for await (const chunk of source) {
      if (stopped) break;
      options.onBytes?.(typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length);
      let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      if (first) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      parser.write(text);
    }
    if (!stopped) parser.close();
  } catch (error) {
    if (error instanceof TypeError) report(parser.line, "", "encoding", "The file is not valid UTF-8.");
    else if (!stopped) throw error;
  }
  if (!stopped && !sawRoot) report(1, "", "well-formed", "The file holds no XML element.");
  if (!stopped) {
    for (const ref of idrefs) {
      if (!ids.has(ref.value)) report(ref.line, ref.element, "IDREF", `Reference '${clip(ref.value)}' names no element of the file.`);
    }
  }
  if (problems.length || !schema) return { file: null, problems };
  return {
    file: {
      schema,
      schemaVersion,
      header: {
        editor: header.editeur,
        application: header.application,
        applicationVersion: header.appliVersion ?? null,
        uai: header.etablissement,
      },
      sections,
    },
    problems,
  };
}
