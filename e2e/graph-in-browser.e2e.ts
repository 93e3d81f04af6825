import { e2eState, launchBrowser, LaunchedBrowser } from "./support/browser";

/** The browser suite's ground floor: Chromium on the server's origin talks to the graph as the web app will. */
describe("the graph from a real browser", () => {
  const { url, tokens } = e2eState();
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a page on the server's origin queries the graph with a bearer token", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${url}/healthz`);
    const answer = await page.evaluate(async (token) => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ me { login } }" }),
      });
      return { status: response.status, body: await response.json() };
    }, tokens["director.moulin"]);
    expect(answer).toEqual({ status: 200, body: { data: { me: { login: "director.moulin" } } } });
  });

  it("a page of another origin cannot read the graph's answers (no CORS origin configured)", async () => {
    const page = await browser.context.newPage();
    // Another port of the loopback is another origin; about:blank-like pages would be opaque anyway.
    await page.goto(`${url.replace("127.0.0.1", "localhost")}/healthz`);
    const outcome = await page.evaluate(async ([target, token]) => {
      try {
        const response = await fetch(`${target}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: "{ me { login } }" }),
        });
        return `read ${response.status}`;
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    }, [url, tokens["director.moulin"]] as const);
    expect(outcome).toBe("blocked: TypeError");
  });
});
