import { Field, InputType } from "type-graphql";
import { PositioningType, ReportDataSource } from "../../common/domain";

@InputType({ description: "The settings of a class: data source and positioning type, always given together (R-SEED-02)." })
export class ClassSettingsInput {
  @Field(() => ReportDataSource)
  dataSource: ReportDataSource;

  @Field(() => PositioningType)
  positioningType: PositioningType;
}
