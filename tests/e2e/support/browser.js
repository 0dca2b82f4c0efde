// Debian's chromium driven by playwright-core (no browser is ever downloaded), with helpers
// that check every page state against WCAG 2.2 A and AA using axe-core, watch for script and
// CSP errors, and keep full-page screenshots for a person to look at.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const kWcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const kChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// playwright gives each launch a fresh temporary profile (user-data dir) and removes it on
// close, so nothing from a person's chromium is read and nothing is left behind.
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BINARY ?? '/usr/bin/chromium',
    args: kChromiumArgs,
  });
}

// With scripts off chromium blocks each script file and reports it as "csp": that is the point.
// A request the next page load cut short is "net::ERR_ABORTED".
export const kBlockedScript = /^request failed: .*(\.js \(csp\)|\(net::ERR_ABORTED\))$/;

function describeViolations(where, url, violations) {
  const lines = [`axe found ${violations.length} WCAG 2.2 A/AA violation(s) on ${where} (${url}):`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help}`);
    lines.push(`  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`  at ${node.target.join(' ')}`);
      lines.push(`     ${node.html.slice(0, 200)}`);
      for (const line of (node.failureSummary ?? '').split('\n')) lines.push(`     ${line}`);
    }
    if (v.nodes.length > 5) lines.push(`  ... and ${v.nodes.length - 5} more element(s)`);
  }
  return lines.join('\n');
}

// One tab with its own cookie jar, plus what the checks along a journey need.
export class Tab {
  static async open(browser, baseURL, shots) {
    const context = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    return new Tab(context, page, shots);
  }

  // `scripts`: whether the context runs JavaScript; without, blocked script files are expected.
  constructor(context, page, shots, { scripts = true } = {}) {
    this.context = context;
    this.page = page;
    this.shots = shots;
    this.scripts = scripts;
    this.errors = [];
    // Chromium also logs "Failed to load resource" for a page answered 400 or 404 on purpose,
    // so statuses are judged from responses instead: only assets and scripts must not fail.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.errors.push(`console: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'document' && response.status() >= 400) {
        this.errors.push(`${response.status()} for ${response.url()}`);
      }
    });
    page.on('requestfailed', (request) => {
      this.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
  }

  // Checks the page as it is now: zero axe violations (where scripts run), no script or CSP
  // errors so far, and a screenshot named after the state.
  async check(state) {
    const page = this.page;
    await this.shots.take(page, state);
    // axe runs inside the page, so only where scripts run; the same states are checked by axe
    // in the run with JavaScript on.
    if (this.scripts) {
      const results = await new AxeBuilder({ page }).withTags(kWcagTags).analyze();
      assert.equal(results.violations.length, 0,
        describeViolations(state, page.url(), results.violations));
    }
    assert.deepEqual(this.unexpectedErrors(), [], `browser errors up to ${state} (${page.url()})`);
  }

  unexpectedErrors() {
    return this.scripts ? this.errors : this.errors.filter((e) => !kBlockedScript.test(e));
  }

  async close() {
    await this.context.close();
  }
}

// Kept in WAYMARK_E2E_SCREENSHOTS when that is set (to look at them), otherwise in a temporary
// folder that cleanUp() removes.
export class Screenshots {
  static async create() {
    const kept = process.env.WAYMARK_E2E_SCREENSHOTS;
    const dir = kept ?? (await mkdtemp(join(tmpdir(), 'waymark-e2e-screenshots-')));
    await mkdir(dir, { recursive: true });
    return new Screenshots(dir, Boolean(kept));
  }

  constructor(dir, kept) {
    this.dir = dir;
    this.kept = kept;
    this.count = 0;
  }

  async cleanUp() {
    if (!this.kept) await rm(this.dir, { recursive: true, force: true });
  }

  async take(page, state) {
    this.count += 1;
    const name = `${String(this.count).padStart(2, '0')}-${state.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: join(this.dir, name), fullPage: true });
  }
}
