import { createHash } from "node:crypto";
import { createHarness, Harness } from "../support/harness";
import { LiveServer, startServer } from "./client";
import { loadTrustedDocuments } from "../../src/http/trusted-documents";

// TRUSTED_DOCUMENTS=only: registered first-party operations by hash; ad-hoc text from listed developers only.
let h: Harness;
let live: LiveServer;
let director: string;
let teacher: string;
const documents = loadTrustedDocuments();
const [meHash, meDocument] = [...documents].find(([, d]) => d.startsWith("query Me "))!;

beforeAll(async () => {
  h = await createHarness("trusted_documents", { config: { trustedDocuments: "only", trustedDocumentsDevelopers: ["director.moulin"] } });
  live = await startServer(h);
  director = await h.token("director.moulin");
  teacher = await h.token("teacher.cp");
});

afterAll(async () => {
  await live.server.stop();
  await h.close();
});

const send = (token: string | null, body: Record<string, unknown>) =>
  live.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe("trusted documents (TRUSTED_DOCUMENTS=only)", () => {
  it("the allow-list's hashes are the sha256 of the generated documents", () => {
    expect(createHash("sha256").update(meDocument).digest("hex")).toBe(meHash);
  });

  it("runs a registered operation sent by APQ-style hash (extensions.persistedQuery.sha256Hash)", async () => {
    const reply = await send(teacher, { extensions: { persistedQuery: { version: 1, sha256Hash: meHash } } });
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.me.login).toBe("teacher.cp");
  });

  it("runs a registered operation sent by documentId (with or without the sha256: prefix)", async () => {
    for (const documentId of [meHash, `sha256:${meHash}`]) {
      const reply = await send(teacher, { documentId });
      expect(reply.body.data?.me.login).toBe("teacher.cp");
    }
  });

  it("runs a registered operation sent by GET with its hash", async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: meHash } }));
    const reply = await live.request(`/graphql?extensions=${extensions}`, {
      headers: { authorization: `Bearer ${teacher}`, "apollo-require-preflight": "true", accept: "application/graphql-response+json" },
    });
    expect(reply.body.data?.me.login).toBe("teacher.cp");
  });

  it("refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND, and a hash sent with another document's text", async () => {
    const unknown = await send(teacher, { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const swapped = await send(teacher, { query: "{ me { login } }", extensions: { persistedQuery: { version: 1, sha256Hash: meHash } } });
    expect(swapped.body.errors![0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("refuses an unregistered (ad-hoc) document with TRUSTED_DOCUMENT_REQUIRED, signed in or not, before it runs", async () => {
    for (const token of [teacher, null]) {
      const reply = await send(token, { query: "{ me { login } }" });
      expect(reply.status).toBe(400);
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors).toHaveLength(1);
      expect(reply.body.errors![0].extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    }
    // Even the text of a registered document: only its hash is trusted.
    expect((await send(teacher, { query: meDocument })).body.errors![0].extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
  });

  it("accepts ad-hoc documents from a signed-in developer listed in TRUSTED_DOCUMENTS_DEVELOPERS", async () => {
    const reply = await send(director, { query: "{ me { login } }" });
    expect(reply.body).toEqual({ data: { me: { login: "director.moulin" } } });
  });
});
