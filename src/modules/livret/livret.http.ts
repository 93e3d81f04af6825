import type { Request, Response } from "express";
import { GraphQLError } from "graphql";
import type { Principal } from "../../auth/principal";
import { LIVRET_QUERY, LivretStudent } from "./livret.document";
import { renderLivret } from "./livret.pdf";

/** Pupils one "Éditer la sélection" request may print at once (a class). */
export const MAX_SELECTION = 40;

export interface LivretRouteDeps {
  authenticate(req: Request): Promise<Principal | null>;
  /** Runs a document through the graph as this caller (permissions, scopes and read audit included). */
  execute(principal: Principal, query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;
  today(): string;
}

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

class Missing extends Error {}

async function readStudents(deps: LivretRouteDeps, principal: Principal, ids: string[]): Promise<LivretStudent[]> {
  const students: LivretStudent[] = [];
  // One pupil after the other: each read is the graph's own, audited like any record read.
  for (const id of ids) {
    const result = await deps.execute(principal, LIVRET_QUERY, { id });
    const student = result.data?.student as LivretStudent | undefined;
    if (!student) {
      if (result.errors?.some((e) => e.extensions?.code !== "NOT_FOUND")) throw new Error(result.errors[0].message);
      throw new Missing();
    }
    students.push(student);
  }
  return students;
}

async function send(deps: LivretRouteDeps, req: Request, res: Response, ids: string[], filename: string) {
  let principal: Principal | null;
  try {
    principal = await deps.authenticate(req);
  } catch (e) {
    return fail(res, 401, "UNAUTHENTICATED", e instanceof GraphQLError ? e.message : "Authentication required.");
  }
  if (!principal) return fail(res, 401, "UNAUTHENTICATED", "Authentication required: send a valid bearer token.");
  try {
    const students = await readStudents(deps, principal, ids);
    const pdf = await renderLivret(students, deps.today());
    res.status(200).set({ "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" }).send(pdf);
  } catch (e) {
    // A pupil the caller may not see is answered exactly like a missing one.
    if (e instanceof Missing) return fail(res, 404, "NOT_FOUND", "Student not found.");
    console.error("[livret] PDF failed", e);
    return fail(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  }
}

const validId = (id: unknown): id is string => typeof id === "string" && /^[0-9]{1,12}$/.test(id);

/** GET /livret/:studentId.pdf — one pupil's livret as the caller may read it. */
export function livretPdfRoute(deps: LivretRouteDeps) {
  return async (req: Request, res: Response) => {
    const id = req.params.studentId;
    if (!validId(id)) return fail(res, 404, "NOT_FOUND", "Student not found.");
    return send(deps, req, res, [id], `livret-${id}.pdf`);
  };
}

/** POST /livret/selection.pdf {"studentIds": [...]} — "Éditer la sélection": several pupils in one PDF. */
export function livretSelectionRoute(deps: LivretRouteDeps) {
  return async (req: Request, res: Response) => {
    const ids = (req.body as { studentIds?: unknown } | undefined)?.studentIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_SELECTION || !ids.every(validId)) {
      return fail(res, 400, "BAD_USER_INPUT", `Send {"studentIds": [...]} with 1 to ${MAX_SELECTION} pupil ids.`);
    }
    return send(deps, req, res, [...new Set(ids)], "livret-selection.pdf");
  };
}
