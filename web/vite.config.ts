import path from "node:path";
import { defineConfig } from "vite";

// The app is served by the Livret server itself (dist/web, see src/http/web-app.ts); `vite` alone serves it on 5173.
export default defineConfig({
  root: __dirname,
  oxc: { jsx: { runtime: "automatic" } },
  build: { outDir: path.join(__dirname, "..", "dist", "web"), emptyOutDir: true, sourcemap: false },
  server: { proxy: { "/graphql": "http://localhost:4000", "/auth": "http://localhost:4000", "/livret": "http://localhost:4000" } },
});
