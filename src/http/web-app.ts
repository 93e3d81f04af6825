import fs from "node:fs";
import path from "node:path";
import express from "express";

/**
 * The web app's policy: its own scripts and styles only, requests to this origin only. Values users typed are
 * rendered by React as text; even if markup slipped through, no inline script or outside resource would run.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

/** The repository root (holds package.json): the same from src/ under ts-jest and from dist/src once built. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where `vite build` writes the app (npm run build). */
export const WEB_DIST = process.env.LIVRET_WEB_DIST ?? path.join(repositoryRoot(), "dist", "web");

const securityHeaders = (res: express.Response) =>
  res.set({
    "content-security-policy": WEB_CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
  });

/** GET / and the app's own paths: the built files, and index.html for any page path (client-side routes). */
export function webAppRoutes(dir = WEB_DIST): express.Router {
  const router = express.Router();
  const index = path.join(dir, "index.html");
  router.use(
    "/assets",
    express.static(path.join(dir, "assets"), {
      immutable: true,
      maxAge: "365d",
      fallthrough: false,
      setHeaders: (res) => void res.setHeader("x-content-type-options", "nosniff"),
    }),
  );
  router.get(/^\/(?!graphql|auth|livret|imports|explorer|healthz|readyz)[^.]*$/, (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(404).type("text/plain").send("The web app is not built: run `npm run build`.");
      return;
    }
    securityHeaders(res).set("cache-control", "no-cache").sendFile(index);
  });
  return router;
}
