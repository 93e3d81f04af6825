import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, Browser, BrowserContext, Page } from "playwright-core";
import { ROOT } from "./server";

/** Debian's chromium package: no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Headless, and nothing that reaches past the loopback (updates, sync, QUIC probes, first-run pages).
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Where screenshots of every view are saved (gitignored; see the README). */
export const SCREENSHOTS = path.join(ROOT, "e2e", "screenshots");

export interface E2E {
  url: string;
  tokens: Record<string, string>;
}

export function e2eState(): E2E {
  const file = process.env.LIVRET_E2E_STATE;
  if (!file) throw new Error("run the browser suite with `npm run test:e2e`");
  return JSON.parse(fs.readFileSync(file, "utf8")) as E2E;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with its own profile directory, removed on close. */
export async function launchBrowser(viewport = DESKTOP): Promise<LaunchedBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "livret-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves the page at its viewport under e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type { Browser, Page };
