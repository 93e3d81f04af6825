import "reflect-metadata";
import path from "node:path";
import { GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, NonEmptyArray } from "type-graphql";
import { applyPermissions } from "./auth/apply-permissions";
import { permissions } from "./auth/permissions";
import { projectRoot } from "./common/project-root";
import { applyDeadlineChecks } from "./common/deadline";
import { boundSentence, LIST_BOUNDS } from "./common/bounds";
import { SchoolResolver } from "./modules/school/school.resolver";
import { ClassPeriodsResolver, PeriodSchemeResolver, SchoolPeriodsResolver } from "./modules/period/period.resolver";
import { ClassResolver, GroupResolver, SchoolClassesResolver } from "./modules/class/class.resolver";
import { EnrolmentResolver, StudentResolver } from "./modules/student/student.resolver";
import { AccountResolver } from "./modules/account/account.resolver";
import { SubjectResolver } from "./modules/subject/subject.resolver";
import { ClassSettingsResolver } from "./modules/class-settings/class-settings.resolver";
import { AmendmentResolver } from "./modules/amendment/amendment.resolver";
import { AuditResolver } from "./modules/audit/audit.resolver";
import { CycleReportResolver } from "./modules/cycle-report/cycle-report.resolver";
import { AttestationResolver } from "./modules/attestation/attestation.resolver";
import { HomeResolver } from "./modules/home/home.resolver";
import { TransferResolver } from "./modules/transfer/transfer.resolver";
import { CarryOverResolver } from "./modules/carry-over/carry-over.resolver";
import { ClassReportsResolver, ReportEntryResolver, ReportResolver } from "./modules/report/report.resolver";
import { ImportResolver } from "./modules/import/import.resolver";

export const RESOLVERS: NonEmptyArray<Function> = [
  SchoolResolver,
  PeriodSchemeResolver,
  SchoolPeriodsResolver,
  ClassPeriodsResolver,
  ClassResolver,
  GroupResolver,
  SchoolClassesResolver,
  StudentResolver,
  EnrolmentResolver,
  AccountResolver,
  SubjectResolver,
  ReportResolver,
  ReportEntryResolver,
  ClassReportsResolver,
  ClassSettingsResolver,
  AmendmentResolver,
  AuditResolver,
  CycleReportResolver,
  AttestationResolver,
  HomeResolver,
  TransferResolver,
  CarryOverResolver,
  ImportResolver,
];

export const SCHEMA_FILE = path.join(projectRoot(), "schema.graphql");

/** The schema exactly as the code declares it, before permissions are applied. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // class-validator on every input; values and targets are never echoed back in errors.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  return describeListBounds(schema);
}

/** Each list field's description states the size the cost limit counts for it (src/common/bounds.ts). */
function describeListBounds(schema: GraphQLSchema): GraphQLSchema {
  for (const [key, bound] of Object.entries(LIST_BOUNDS)) {
    const [typeName, fieldName] = key.split(".");
    const type = schema.getType(typeName);
    const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) continue;
    const sentence = boundSentence(bound);
    if (!field.description?.includes(sentence)) field.description = field.description ? `${field.description} ${sentence}` : sentence;
  }
  return schema;
}

/** The served schema: deny-by-default permissions applied. */
export async function buildLivretSchema(): Promise<GraphQLSchema> {
  return applyDeadlineChecks(applyPermissions(await buildBareSchema(), permissions));
}

export function printSortedSchema(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
