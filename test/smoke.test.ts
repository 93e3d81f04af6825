import { createHarness, Harness } from "./support/harness";

describe("harness", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("smoke");
  });
  afterAll(() => h.close());

  it("answers me for a demo persona", async () => {
    const data = await h.data("director.moulin", "{ me { login roles { role school { uai } } } }");
    expect(data.me).toEqual({ login: "director.moulin", roles: [{ role: "DIRECTOR", school: { uai: "0691001A" } }] });
  });
});
