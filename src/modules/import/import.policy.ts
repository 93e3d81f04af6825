import { leads, leadsSomeSchool } from "../../auth/policy";
import { Principal } from "../../auth/principal";

/**
 * The one decision "may this caller import LSU files into this school": its DIRECTOR (école) or HEAD
 * (collège), nobody else. The school must also be visible to the caller; one that is not answers like a
 * missing one (the service checks visibility first).
 */
export const mayImportInto = (principal: Principal | null, schoolId: number): boolean => leads(principal, schoolId);

/** Whether the caller may import at all (callers who lead no school learn nothing about the file). */
export const mayImportAnywhere = (principal: Principal | null): boolean => leadsSomeSchool(principal);
