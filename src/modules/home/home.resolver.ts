import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { Page } from "../../common/paging";
import { Student } from "../student/student.entity";
import { HomeNotice, SearchStudentsArgs, StudentPage } from "./home.types";
import { homeNotices } from "./home.notices";
import { searchStudents } from "./student-search";

/** The home screen: pupil search and the caller's notices. */
@Resolver()
export class HomeResolver {
  @Query(() => StudentPage, {
    description:
      "Pupils of a school by surname and/or first name (R-SEED-14): those with a report, an end-of-cycle report or an attestation " +
      "this school year in that school, within the caller's pupils; ordered by name.",
  })
  searchStudents(@Ctx() ctx: Context, @Args() args: SearchStudentsArgs): Promise<Page<Student>> {
    return searchStudents(ctx, args);
  }

  @Query(() => [HomeNotice], { description: "Notices for the caller's home page, by role (R-SEED-15); most urgent first." })
  homeNotices(@Ctx() ctx: Context): Promise<HomeNotice[]> {
    return homeNotices(ctx);
  }
}
