import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for the front ends' documents (operations/*.graphql), from the checked-in schema. The persisted-documents
// manifest it writes is also the server's allow-list in TRUSTED_DOCUMENTS=only mode (src/http/trusted-documents.ts).
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "operations/generated/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: { enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
