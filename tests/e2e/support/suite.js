// What every browser suite starts before its tests and stops after them: a real
// `waymark serve --demo`, a screenshot folder and Debian's chromium. Stopping checks that
// waymark shut down gracefully (SIGTERM lets requests finish and the process exit with 0).
import assert from 'node:assert/strict';

import { launchBrowser, Screenshots } from './browser.js';
import { WaymarkServer } from './server.js';

// Fills `suite` as each part starts, so stopSuite(suite) stops what did start if a later part
// fails.
export async function startSuite(suite) {
  suite.server = await WaymarkServer.start();
  suite.shots = await Screenshots.create();
  suite.browser = await launchBrowser();
  return suite;
}

// Closes the tabs and the browser, stops waymark and removes the screenshots unless kept. Any
// of the handles may be missing when starting failed part way.
export async function stopSuite({ server, shots, browser, tabs = [] }) {
  for (const tab of tabs) await tab.close().catch(() => {});
  await browser?.close();
  const exit = await server?.stop();
  if (shots?.kept) console.log(`screenshots: ${shots.dir}`);
  await shots?.cleanUp();
  if (server) {
    const output = server.output();
    await server.cleanUp();
    assert.deepEqual(exit, { code: 0, signal: null },
      `waymark did not stop cleanly on SIGTERM:\n${output}`);
  }
}
