import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright-core';

/** Where Chromium or Chrome usually lives, after $CHROMIUM_PATH and Playwright's own download. */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium', // Debian
  '/usr/bin/chromium-browser', // Ubuntu, Fedora
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Playwright's own Chromium (`npx playwright install chromium`), if it was downloaded. */
function playwrightBrowser(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    // playwright-core throws on platforms it has no build for.
    return null;
  }
}

/**
 * The browser the browser tests drive: $CHROMIUM_PATH when set (and then only it, so a wrong
 * setting is noticed), else Playwright's download, else the first usual system location.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return playwrightBrowser() ?? SYSTEM_BROWSER_PATHS.find((path) => existsSync(path)) ?? null;
}

/** Found once per test file; null means the browser tests skip themselves. */
export const chromiumPath = findChromium();

/** A title that says why the browser tests did not run, shown in the test summary. */
export function browserSuiteTitle(title: string): string {
  if (chromiumPath) return title;
  const reason = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
    : 'no Chromium found; set CHROMIUM_PATH';
  const skipped = `${title} (skipped: ${reason})`;
  // The default reporter names no skipped test; this line shows up beside the file's results.
  console.warn(skipped);
  return skipped;
}

/** Headless, and fit for containers: no sandbox (root), no GPU, no background traffic. */
export function chromiumLaunchOptions(): LaunchOptions {
  if (!chromiumPath) throw new Error('no Chromium found; set CHROMIUM_PATH');
  return {
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  };
}
