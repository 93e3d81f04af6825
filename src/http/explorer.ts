import path from "node:path";
import express from "express";

/** Files the page loads, all served from node_modules by this server: the explorer needs no outside address. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  "react.js": { pkg: "react", file: "umd/react.production.min.js", type: "text/javascript" },
  "react-dom.js": { pkg: "react-dom", file: "umd/react-dom.production.min.js", type: "text/javascript" },
  "graphiql.js": { pkg: "graphiql", file: "graphiql.min.js", type: "text/javascript" },
  "graphiql.css": { pkg: "graphiql", file: "graphiql.min.css", type: "text/css" },
};

// Only this origin: a stray outside address in a bundled file is blocked by the browser instead of loaded.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL sets inline styles on its panes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Livret — explorer</title>
<link rel="stylesheet" href="/explorer/assets/graphiql.css">
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  #personas { padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 14px; display: flex; gap: 8px; align-items: center; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="personas" hidden><label for="persona">Persona</label><select id="persona"><option value="">anonymous</option></select><span id="who"></span></div>
<div id="graphiql">Loading the explorer…</div>
<script src="/explorer/assets/react.js"></script>
<script src="/explorer/assets/react-dom.js"></script>
<script src="/explorer/assets/graphiql.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;

// Outside production the persona picker remounts GraphiQL with the chosen persona's development token in its headers.
const SCRIPT = `"use strict";
(function () {
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  var fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  var select = document.getElementById("persona");
  var personas = [];
  function render() {
    var persona = personas.find(function (p) { return p.login === select.value; });
    document.getElementById("who").textContent = persona ? persona.who : "";
    var headers = persona ? JSON.stringify({ Authorization: "Bearer " + persona.token }, null, 2) : "{}";
    root.render(React.createElement(GraphiQL, { key: select.value || "anonymous", fetcher: fetcher, headers: headers, shouldPersistHeaders: false }));
  }
  select.addEventListener("change", render);
  fetch("/explorer/personas.json").then(function (r) { return r.ok ? r.json() : []; }).then(function (list) {
    personas = list;
    list.forEach(function (p) {
      var option = document.createElement("option");
      option.value = p.login;
      option.textContent = p.login;
      select.appendChild(option);
    });
    document.getElementById("personas").hidden = list.length === 0;
  }).catch(function () {}).then(render);
})();
`;

export interface Persona {
  login: string;
  who: string;
  token: string;
}

/** GET /explorer: GraphiQL from npm, served locally. `personas` (development only) fills the picker. */
export function explorerRoutes(personas: () => Promise<Persona[]>): express.Router {
  const router = express.Router();
  const page = (type: string, body: string) => (_req: express.Request, res: express.Response) => {
    res.set("content-security-policy", CONTENT_SECURITY_POLICY).type(type).send(body);
  };
  router.get("/", page("text/html", PAGE));
  router.get("/explorer.js", page("text/javascript", SCRIPT));
  router.get("/personas.json", async (_req, res, next) => {
    try {
      res.set("cache-control", "no-store").json(await personas());
    } catch (error) {
      next(error);
    }
  });
  for (const [name, { pkg, file: inPackage, type }] of Object.entries(ASSETS)) {
    // The UMD builds are not in the packages' exports map: found from their package.json.
    const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), inPackage);
    router.get(`/assets/${name}`, (_req, res) => {
      res.type(type).set("cache-control", "public, max-age=3600").sendFile(file);
    });
  }
  return router;
}
