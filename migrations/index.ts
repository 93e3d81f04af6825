import { Foundation1764300000000 } from "./1764300000000-foundation";
import { PeriodicReports1764400000000 } from "./1764400000000-periodic-reports";
import { CycleReports1764500000000 } from "./1764500000000-cycle-reports";
import { AttestationsSearch1764600000000 } from "./1764600000000-attestations-search";
import { Transfers1764700000000 } from "./1764700000000-transfers";
import { LsuImport1765000000000 } from "./1765000000000-lsu-import";
import { StudentSearchKeys1765100000000 } from "./1765100000000-student-search-keys";
import { SettingsArchiveParts1765200000000 } from "./1765200000000-settings-archive-parts";
import { AmendmentClosing1765211000000 } from "./1765211000000-amendment-closing";

/** Every migration, in order. The only way the schema changes. */
export const MIGRATIONS = [
  Foundation1764300000000,
  PeriodicReports1764400000000,
  CycleReports1764500000000,
  AttestationsSearch1764600000000,
  Transfers1764700000000,
  LsuImport1765000000000,
  StudentSearchKeys1765100000000,
  SettingsArchiveParts1765200000000,
  AmendmentClosing1765211000000,
];
