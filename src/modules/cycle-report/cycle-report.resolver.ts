import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { Student } from "../student/student.entity";
import { CycleReport } from "./cycle-report.entity";
import { UpdateCycleReportInput } from "./cycle-report.inputs";
import * as service from "./cycle-report.service";

/**
 * End-of-cycle reports. The class resolves `Student.cycleReports`; CycleReport's own relations are
 * methods of the entity (cycle-report.entity.ts), since this is the module's one registered resolver.
 */
@Resolver(() => Student)
export class CycleReportResolver {
  @Query(() => CycleReport, { description: "One end-of-cycle report the caller may work on." })
  cycleReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<CycleReport> {
    return service.getCycleReport(ctx, parseId(id, "id"));
  }

  @Mutation(() => CycleReport, {
    description: "Creates a DRAFT end-of-cycle report: cycle 2 for a CE2 pupil in an école, 3 for a 6e and 4 for a 3e pupil in a collège.",
  })
  createCycleReport(
    @Ctx() ctx: Context,
    @Arg("studentId", () => ID) studentId: string,
    @Arg("cycle", () => Int) cycle: number,
  ): Promise<CycleReport> {
    return service.createCycleReport(ctx, parseId(studentId, "studentId"), cycle);
  }

  @Mutation(() => CycleReport, { description: "Changes a report saved at `expectedVersion`; CONFLICT when someone saved since." })
  updateCycleReport(
    @Ctx() ctx: Context,
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input") input: UpdateCycleReportInput,
  ): Promise<CycleReport> {
    return service.updateCycleReport(ctx, parseId(id, "id"), expectedVersion, input);
  }

  @Mutation(() => CycleReport, { description: "Locks a complete report (DIRECTOR/HEAD; in écoles also the pupil's class teachers)." })
  lockCycleReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<CycleReport> {
    return service.lockCycleReport(ctx, parseId(id, "id"));
  }

  @Mutation(() => CycleReport, { description: "Unlocks a report (DIRECTOR/HEAD only)." })
  unlockCycleReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<CycleReport> {
    return service.unlockCycleReport(ctx, parseId(id, "id"));
  }

  @FieldResolver(() => [CycleReport], {
    description: "End-of-cycle reports the caller may read: staff all of them (R-SEED-12); guardians the locked ones (R-SEED-13).",
  })
  cycleReports(@Root() student: Student, @Ctx() ctx: Context): Promise<CycleReport[]> {
    return service.readableCycleReports(ctx, student);
  }
}
