// Browser journeys through the case pages of a real `waymark serve --demo` with Debian's
// chromium: a support worker opens a case (after the empty form is refused with an error
// summary), changes its details, finds it by search and reads its history; a service manager
// then opens it from the provider's list, assigns a colleague (after the empty form is refused)
// and reads its access log. The create form is also used
// with JavaScript turned off. Every page state is checked with axe-core against WCAG 2.2 A and
// AA and must have no script or CSP errors.
//
// The journeys share one server and run in order: each demo user signs in once (a security code
// cannot be used twice, so a second sign-in within 30 seconds would be refused).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Tab } from './support/browser.js';
import { fillCaseForm } from './support/case_form.js';
import { button, clickAndLoad, heading, pathOf, signIn } from './support/pages.js';
import { startSuite, stopSuite } from './support/suite.js';

const kWorker = 'support.worker@harbour.demo';
const kManager = 'service.manager@harbour.demo';

// A family name no demo case has, so the search finds exactly the case made here.
const kGiven = 'Arta';
const kFamily = 'Qendrimaj';
const kFullName = `${kGiven} ${kFamily}`;

let server;
let browser;
let shots;
const tabs = [];
let workerTab = null;
let caseId = null;
let caseReference = null;

async function openTab(options) {
  let tab;
  if (options) {
    const context = await browser.newContext({
      baseURL: server.url, viewport: { width: 1024, height: 768 }, ...options,
    });
    tab = new Tab(context, await context.newPage(), shots);
  } else {
    tab = await Tab.open(browser, server.url, shots);
  }
  tabs.push(tab);
  return tab;
}

async function signedInWorker() {
  if (workerTab) return workerTab;
  const tab = await openTab();
  await signIn(tab.page, server, kWorker);
  workerTab = tab;
  return tab;
}

// Each journey has its own limit, so one that hangs is named and the rest still run.
const kJourney = { timeout: 60_000 };

describe('Case pages in a browser', { timeout: 240_000 }, () => {
  const suite = { tabs };
  before(async () => {
    await startSuite(suite);
    ({ server, shots, browser } = suite);
  });

  after(() => stopSuite(suite));

  it('a support worker refuses an empty form, then opens a case', kJourney, async () => {
    const tab = await signedInWorker();
    const { page } = tab;

    await clickAndLoad(page, page.getByRole('link', { name: 'Cases', exact: true }));
    assert.equal(pathOf(page), '/cases');
    assert.equal(await heading(page), 'Your cases');
    await tab.check('case list');

    await clickAndLoad(page, page.locator('a', { hasText: 'Open a new case' }));
    assert.equal(pathOf(page), '/cases/new');
    assert.equal(await heading(page), 'Open a new case');
    await tab.check('new case form');

    const refused = await clickAndLoad(page, button(page, 'Open case'));
    assert.equal(refused.status(), 400);
    assert.equal(pathOf(page), '/cases/new');
    assert.match(await page.title(), /^Error: Open a new case/);
    const summary = page.locator('.govuk-error-summary');
    assert.equal(await summary.count(), 1, 'the error summary is shown');
    assert.match(await summary.textContent(), /There is a problem/);
    // GOV.UK Frontend's script moves focus to the summary: proof that it runs under the CSP.
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('govuk-error-summary'), null,
      { timeout: 5_000 });
    await tab.check('new case form with errors');

    // Each link in the summary names a field on the page; following the first focuses it.
    const links = summary.locator('.govuk-error-summary__list a');
    assert.ok(await links.count() >= 1, 'the summary lists the problems');
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^#[a-z_-]+$/);
      assert.equal(await page.locator(href).count(), 1, `the summary link ${href} has a target`);
    }
    const first = await links.first().getAttribute('href');
    await links.first().click();
    await page.waitForFunction((id) => document.activeElement?.id === id, first.slice(1),
      { timeout: 5_000 });
    const firstError = page.locator(`${first}-error`);
    assert.equal(await firstError.count(), 1, 'the field shows its own error message');

    await fillCaseForm(page, { given: kGiven, family: kFamily });
    await clickAndLoad(page, button(page, 'Open case'));
    assert.match(pathOf(page), /^\/cases\/[^/]+$/);
    caseId = pathOf(page).split('/')[2];
    assert.equal(await heading(page), kFullName);
    assert.match(await page.locator('.govuk-notification-banner').textContent(), /Case opened/);
    caseReference = (await page.locator('.govuk-caption-l').first().textContent()).trim();
    assert.match(caseReference, /^WM-/);
    const tasks = page.locator('.govuk-task-list');
    assert.equal(await tasks.count(), 1, 'the overview shows the task list');
    assert.match(await tasks.textContent(), /Personal details/);
    const details = await page.locator('.govuk-summary-list').first().textContent();
    assert.match(details, /14 June 1994/);
    assert.match(details, /Albania/);
    assert.match(details, /Needed: Female interpreter/);
    await tab.check('case overview');
  });

  it('the support worker changes the safe contact times', kJourney, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await page.goto(`/cases/${caseId}`);
    await clickAndLoad(page, page.getByRole('link', { name: 'Change details', exact: true }));
    assert.equal(pathOf(page), `/cases/${caseId}/details`);
    assert.equal(await heading(page), 'Change personal details');
    assert.equal(await page.getByLabel('Family name').inputValue(), kFamily, 'the form is filled');
    await tab.check('details form');

    await page.getByLabel('Safe times to contact them').fill('Weekday mornings only');
    await clickAndLoad(page, button(page, 'Save changes'));
    assert.equal(pathOf(page), `/cases/${caseId}`);
    assert.equal(await heading(page), kFullName);
    assert.match(await page.locator('.govuk-notification-banner').textContent(), /Changes saved/);
    assert.match(await page.locator('.govuk-summary-list').first().textContent(),
      /Weekday mornings only/);
    await tab.check('case overview after change');
  });

  it('the support worker finds the case by family name and reads its history', kJourney,
    async () => {
      const tab = await signedInWorker();
      const { page } = tab;
      await page.goto('/cases');
      await page.getByLabel('Search by case reference or name').fill(kFamily);
      await clickAndLoad(page, button(page, 'Search'));
      assert.equal(pathOf(page), '/cases/search');
      assert.doesNotMatch(page.url(), new RegExp(kFamily), 'the name is not in the URL');
      const results = page.locator('table');
      assert.equal(await results.count(), 1, 'the results are a table');
      assert.match(await results.textContent(), new RegExp(kFullName));
      await tab.check('search results');

      await clickAndLoad(page, results.getByRole('link', { name: caseReference, exact: true }));
      assert.equal(pathOf(page), `/cases/${caseId}`);
      await clickAndLoad(page, page.getByRole('link', { name: 'History', exact: true }));
      assert.equal(pathOf(page), `/cases/${caseId}/history`);
      assert.equal(await heading(page), 'History');
      const history = await page.locator('main').textContent();
      assert.match(history, /Version 2/);
      assert.match(history, /The case was opened/);
      assert.match(history, /Weekday mornings only/);
      await tab.check('history');
    });

  it('a case can be opened with JavaScript turned off', kJourney, async () => {
    const worker = await signedInWorker();
    // The same session in a context that runs no script: the pages must work as plain HTML.
    const tab = await openTab({
      javaScriptEnabled: false, storageState: await worker.context.storageState(),
    });
    const { page } = tab;
    await page.goto('/cases/new');
    assert.equal(await heading(page), 'Open a new case');

    const refused = await clickAndLoad(page, button(page, 'Open case'));
    assert.equal(refused.status(), 400);
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    assert.match(await page.locator('.govuk-error-summary').textContent(), /There is a problem/);
    // axe-core runs as a script in the page, so it cannot run here: the same HTML is checked
    // with JavaScript on in the other journeys, and this case's overview below.
    await shots.take(page, 'new case form with errors without JavaScript');

    await fillCaseForm(page, { given: 'Besa', family: 'Nojsavaj' });
    await clickAndLoad(page, button(page, 'Open case'));
    assert.match(pathOf(page), /^\/cases\/[^/]+$/);
    assert.notEqual(pathOf(page), `/cases/${caseId}`, 'a second case is opened');
    assert.equal(await heading(page), 'Besa Nojsavaj');
    assert.match(await page.locator('.govuk-notification-banner').textContent(), /Case opened/);
    await shots.take(page, 'case overview without JavaScript');
    // With scripts turned off chromium blocks each script file and reports it as "csp": that is
    // the point here. A request the next page load cut short (the favicon, when the form is
    // submitted at once) is "net::ERR_ABORTED". Any other failure still counts.
    const unexpected = tab.errors.filter(
      (e) => !/^request failed: .*(\.js \(csp\)|\(net::ERR_ABORTED\))$/.test(e));
    assert.deepEqual(unexpected, [], 'browser errors without JavaScript');
    assert.ok(tab.errors.length > 0, 'the script files were blocked, so JavaScript was off');
    const second = pathOf(page);
    await tab.close();

    await worker.page.goto(second);
    assert.equal(await heading(worker.page), 'Besa Nojsavaj');
    await worker.check('case opened without JavaScript');
  });

  it('the support worker signs out', kJourney, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await page.goto('/cases');
    await clickAndLoad(page, page.locator('header').getByRole('button', { name: 'Sign out' }));
    assert.equal(pathOf(page), '/sign-in');
    await page.goto(`/cases/${caseId}`);
    assert.equal(pathOf(page), '/sign-in', 'a signed-out browser is sent to sign in');
  });

  it('a service manager opens the case from the list and reads its access log', kJourney,
    async () => {
      const tab = await openTab();
      await signIn(tab.page, server, kManager);
      const { page } = tab;
      await clickAndLoad(page, page.getByRole('link', { name: 'Cases', exact: true }));
      assert.equal(await heading(page), 'Cases');
      await tab.check('case list as manager');

      const row = page.locator('tr', { hasText: kFullName });
      assert.equal(await row.count(), 1, 'the provider list shows the case');
      await clickAndLoad(page, row.getByRole('link', { name: caseReference, exact: true }));
      assert.equal(pathOf(page), `/cases/${caseId}`);
      assert.equal(await heading(page), kFullName);
      await tab.check('case overview as manager');

      // The manager assigns a colleague: the empty form is refused with an error summary first.
      await clickAndLoad(page, page.getByRole('link', { name: 'Assign a worker', exact: true }));
      assert.equal(pathOf(page), `/cases/${caseId}/workers`);
      assert.equal(await heading(page), 'Assign a worker');
      await tab.check('assign a worker');
      const refused = await clickAndLoad(page, button(page, 'Assign'));
      assert.equal(refused.status(), 400);
      assert.match(await page.locator('.govuk-error-summary').textContent(),
        /Select a support worker or service manager/);
      await tab.check('assign a worker with an error');
      const worker = page.getByLabel('Worker');
      const choices = await worker.locator('option').evaluateAll(
        (options) => options.map((o) => o.value).filter((v) => v !== ''));
      assert.ok(choices.length > 0, 'someone can be assigned');
      await worker.selectOption(choices[0]);
      await clickAndLoad(page, button(page, 'Assign'));
      assert.equal(pathOf(page), `/cases/${caseId}`);
      assert.match(await page.locator('.govuk-notification-banner').textContent(),
        /Worker assigned/);
      await tab.check('case overview after assigning');

      await clickAndLoad(page, page.getByRole('link', { name: 'Access log', exact: true }));
      assert.equal(pathOf(page), `/cases/${caseId}/access-log`);
      assert.equal(await heading(page), 'Access log');
      const log = await page.locator('table').textContent();
      const expected = ['Opened the case', 'Changed details', 'Read the history', 'Read the case'];
      for (const what of expected) {
        assert.match(log, new RegExp(what), `the access log records "${what}"`);
      }
      assert.match(log, /Jo Support \(demo\)/, 'the log names the support worker');
      await tab.check('access log');
    });
});
