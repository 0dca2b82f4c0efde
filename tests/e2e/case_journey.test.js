// One support worker's work on a new case, through the real pages of `waymark serve --demo` in
// Debian's chromium, as a person would do it: open the case; try to refer the person to the NRM
// before their consent is recorded (refused, with the error summary focused); record consent to
// support and to an NRM referral; record the referral and a positive Reasonable Grounds decision
// and read the recovery period deadline; record a needs assessment (with JavaScript turned off,
// adding a need with the form's own button) and a risk assessment; start the support and safety
// plan, add a goal with an action, record the evidence for the twenty points of the standard,
// check the answers and agree the plan; record a visit; then read the case's tasks and "Your
// tasks". Every page state is checked with axe-core against WCAG 2.2 A and AA and must have no
// script or CSP errors.
//
// Dates are chosen near today (London) so that the deadlines fall within each kind's lead time:
// the recovery period ends in 10 days (shown 14 days ahead), the risk review is in 5 days and the
// plan review in 6 (both shown 7 days ahead).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { kBlockedScript, Tab } from './support/browser.js';
import { fillCaseForm } from './support/case_form.js';
import { button, clickAndLoad, heading, pathOf, signIn } from './support/pages.js';
import { startSuite, stopSuite } from './support/suite.js';

const kWorker = 'support.worker@harbour.demo';
const kGiven = 'Lirije';
const kFamily = 'Berishaj';
const kFullName = `${kGiven} ${kFamily}`;
const kFirstResponder = 'Harbour House Safehouse';

const kDay = 86_400_000;

// Today in London, the date the server works in, as midnight UTC.
function londonToday() {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric',
  }).formatToParts(new Date());
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

const kToday = londonToday();
const daysFromToday = (n) => new Date(kToday.getTime() + n * kDay);
const kConsentDate = daysFromToday(-26);
const kReferralDate = daysFromToday(-25);
const kRgDate = daysFromToday(-20);
// The minimum recovery period after a positive decision made since 30 January 2023.
const kRecoveryEnds = new Date(kRgDate.getTime() + 30 * kDay);
const kRiskReview = daysFromToday(5);
const kPlanReview = daysFromToday(6);
const kActionDue = daysFromToday(21);

// "7 March 2026", as the pages write dates.
function forPeople(date) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric',
  }).format(date);
}

// Fills a GOV.UK date input: a fieldset named by its legend with Day, Month and Year boxes.
async function fillDate(scope, legend, date) {
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(date.getUTCDate()));
  await group.getByLabel('Month').fill(String(date.getUTCMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getUTCFullYear()));
}

// Checks the radio labelled `label` in the fieldset named `legend`.
async function choose(scope, legend, label) {
  await scope.getByRole('group', { name: legend, exact: true })
    .getByLabel(label, { exact: true }).check();
}

function link(page, name) {
  return page.getByRole('link', { name, exact: true });
}

// Text as a person reads it: runs of white space as one space.
function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A section link in the case overview's task list.
function section(page, name) {
  return page.locator('.govuk-task-list').getByRole('link', { name, exact: true });
}

// The row of the overview's task list for a section: its name, hint and status.
async function sectionRow(page, name) {
  const item = page.locator('.govuk-task-list__item', {
    has: page.getByRole('link', { name, exact: true }),
  });
  return squash(await item.textContent());
}

// The value of the summary list row whose key is `key`, in `scope`.
async function summaryValue(scope, key) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  const exactly = new RegExp(`^\\s*${escapeRegExp(key)}\\s*$`);
  const row = scope.locator('.govuk-summary-list__row', {
    has: page.locator('.govuk-summary-list__key', { hasText: exactly }),
  });
  assert.equal(await row.count(), 1, `one summary row "${key}"`);
  return squash(await row.locator('.govuk-summary-list__value').textContent());
}

async function banner(page) {
  return squash(await page.locator('.govuk-notification-banner').textContent());
}

async function mainText(page) {
  return squash(await page.locator('main').textContent());
}

// WAYMARK_E2E_NO_SCRIPT=1 runs the whole journey with JavaScript off (ctest
// e2e_browser_no_script): every journey must work as plain HTML.
const kScripts = process.env.WAYMARK_E2E_NO_SCRIPT !== '1';

// The refused form's error summary: shown, named in the title, focused by GOV.UK Frontend's
// script (proof that it runs under the CSP; without scripts nothing focuses it), and each link
// lands on something on the page.
async function expectErrorSummary(page, response, { title, message }) {
  assert.equal(response.status(), 400);
  assert.match(await page.title(), new RegExp(`^Error: ${title}`));
  const summary = page.locator('.govuk-error-summary');
  assert.equal(await summary.count(), 1, 'the error summary is shown');
  assert.match(await summary.textContent(), /There is a problem/);
  if (message) assert.match(squash(await summary.textContent()), message);
  if (kScripts) {
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('govuk-error-summary'), null,
      { timeout: 5_000 });
  }
  const links = summary.locator('.govuk-error-summary__list a');
  assert.ok(await links.count() >= 1, 'the summary lists the problems');
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^#[a-z0-9_-]+$/);
    assert.equal(await page.locator(href).count(), 1, `the summary link ${href} has a target`);
  }
}

// Back links until the case overview, as a person leaves a feature.
async function backToCase(page, caseId) {
  for (let i = 0; i < 3 && pathOf(page) !== `/cases/${caseId}`; i += 1) {
    await clickAndLoad(page, link(page, 'Back'));
  }
  assert.equal(pathOf(page), `/cases/${caseId}`);
  assert.equal(await heading(page), kFullName);
}

let server;
let browser;
let shots;
const tabs = [];
let worker = null;
let caseId = null;
let caseReference = null;

async function openTab(options) {
  const context = await browser.newContext({
    baseURL: server.url, viewport: { width: 1024, height: 768 }, javaScriptEnabled: kScripts,
    ...options,
  });
  const scripts = options?.javaScriptEnabled ?? kScripts;
  const tab = new Tab(context, await context.newPage(), shots, { scripts });
  tabs.push(tab);
  return tab;
}

async function signedInWorker() {
  if (worker) return worker;
  const tab = await openTab();
  await signIn(tab.page, server, kWorker);
  worker = tab;
  return tab;
}

// Each step has its own limit, so one that hangs is named and the rest still run.
const kStep = { timeout: 90_000 };

describe('A case from referral to tasks in a browser', { timeout: 600_000 }, () => {
  const suite = { tabs };
  before(async () => {
    await startSuite(suite);
    ({ server, shots, browser } = suite);
  });

  after(() => stopSuite(suite));

  it('a support worker opens a new case', kStep, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await clickAndLoad(page, link(page, 'Cases'));
    await clickAndLoad(page, page.locator('a', { hasText: 'Open a new case' }));
    assert.equal(await heading(page), 'Open a new case');
    await fillCaseForm(page, { given: kGiven, family: kFamily });
    await clickAndLoad(page, button(page, 'Open case'));
    assert.match(pathOf(page), /^\/cases\/[^/]+$/);
    caseId = pathOf(page).split('/')[2];
    assert.equal(await heading(page), kFullName);
    caseReference = (await page.locator('.govuk-caption-l').first().textContent()).trim();
    assert.match(caseReference, /^WM-/);
    for (const name of ['Consent', 'National Referral Mechanism', 'Needs assessment',
      'Risk assessment', 'Support and safety plan', 'Contacts and notes', 'Tasks']) {
      assert.equal(await section(page, name).count(), 1, `the task list links to ${name}`);
    }
    assert.match(await sectionRow(page, 'Consent'), /Not started/);
    await tab.check('new case overview');
    if (!kScripts) {
      assert.ok(tab.errors.some((e) => kBlockedScript.test(e)),
        'the script files were blocked, so JavaScript was off');
    }
  });

  it('an NRM referral is refused before the person has consented', kStep, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await clickAndLoad(page, section(page, 'National Referral Mechanism'));
    assert.equal(pathOf(page), `/cases/${caseId}/nrm`);
    assert.equal(await heading(page), 'National Referral Mechanism');
    assert.equal(await summaryValue(page, 'Current stage'), 'Not referred to the NRM');
    await tab.check('NRM pathway not referred');

    await choose(page, 'What happened next?', 'Referred to the NRM');
    await clickAndLoad(page, button(page, 'Continue'));
    assert.equal(await heading(page), 'Referred to the NRM');
    await tab.check('NRM referral form');

    await fillDate(page, 'Date of the referral', kReferralDate);
    await page.getByLabel('First Responder Organisation').fill(kFirstResponder);
    await choose(page, 'Competent authority', 'Single Competent Authority (SCA)');
    const refused = await clickAndLoad(page, button(page, 'Save'));
    await expectErrorSummary(page, refused, {
      title: 'Referred to the NRM',
      message: /An adult can be referred to the NRM only with their recorded consent/,
    });
    assert.equal(await page.getByLabel('First Responder Organisation').inputValue(),
      kFirstResponder, 'what was typed is kept');
    await tab.check('NRM referral refused without consent');

    await clickAndLoad(page, link(page, 'Back'));
    assert.equal(await summaryValue(page, 'Current stage'), 'Not referred to the NRM',
      'nothing was recorded');
    assert.match(await mainText(page), /Nothing has been recorded yet/);
  });

  it('the worker records consent to support and to an NRM referral', kStep, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await backToCase(page, caseId);
    await clickAndLoad(page, section(page, 'Consent'));
    assert.equal(pathOf(page), `/cases/${caseId}/consent`);
    assert.match(await mainText(page), /No consent has been recorded yet/);
    await tab.check('consent list empty');

    // One decision a record: each purpose's label is also its card's title.
    const purposes = ['Support', 'Referral to the National Referral Mechanism'];
    for (const [index, purpose] of purposes.entries()) {
      await clickAndLoad(page, button(page, 'Record consent'));
      assert.equal(await heading(page), 'Record consent');
      if (index === 0) await tab.check('consent form');
      await choose(page, 'What is the consent about?', purpose);
      await choose(page, 'Did the person give or refuse consent?', 'Consent given');
      await page.getByLabel('Language the information was given in')
        .selectOption({ label: 'Albanian (sqi)' });
      await choose(page, 'Was an interpreter used?', 'Yes');
      await choose(page, 'Format of the information', 'Spoken (verbal)');
      await fillDate(page, 'Date consent was given or refused', kConsentDate);
      await clickAndLoad(page, button(page, 'Save consent record'));
      assert.equal(pathOf(page), `/cases/${caseId}/consent`);
      assert.match(await banner(page), /Consent record saved/);
    }
    for (const purpose of purposes) {
      const title = page.locator('.govuk-summary-card__title', {
        hasText: new RegExp(`^\\s*${purpose}\\s*$`),
      });
      const card = page.locator('.govuk-summary-card', { has: title });
      assert.equal(await card.count(), 1, `a card for ${purpose}`);
      assert.equal(await summaryValue(card, 'Status'), 'In force');
      assert.equal(await summaryValue(card, 'Given on'), forPeople(kConsentDate));
      assert.equal(await summaryValue(card, 'How they were informed'),
        'Spoken (verbal) in Albanian (sqi), with an interpreter');
    }
    await tab.check('consent list with two consents');

    await backToCase(page, caseId);
    const consent = await sectionRow(page, 'Consent');
    assert.match(consent, /Completed/);
    assert.match(consent, /NRM referral: consent given/);
  });

  it('the worker records the referral and a positive Reasonable Grounds decision', kStep,
    async () => {
      const tab = await signedInWorker();
      const { page } = tab;
      await clickAndLoad(page, section(page, 'National Referral Mechanism'));
      await choose(page, 'What happened next?', 'Referred to the NRM');
      await clickAndLoad(page, button(page, 'Continue'));
      await fillDate(page, 'Date of the referral', kReferralDate);
      await page.getByLabel('First Responder Organisation').fill(kFirstResponder);
      await choose(page, 'Competent authority', 'Single Competent Authority (SCA)');
      await clickAndLoad(page, button(page, 'Save'));
      assert.equal(pathOf(page), `/cases/${caseId}/nrm`);
      assert.match(await banner(page), /Recorded/);
      assert.equal(await summaryValue(page, 'Current stage'),
        'Referred: waiting for the Reasonable Grounds decision');
      const referral = page.locator('.govuk-summary-card', { hasText: 'Referred to the NRM' });
      assert.equal(await summaryValue(referral, 'First Responder Organisation'), kFirstResponder);
      assert.equal(await summaryValue(referral, 'Competent authority'),
        'Single Competent Authority (SCA)');
      assert.equal(await summaryValue(referral, 'Date'), forPeople(kReferralDate));
      await tab.check('NRM pathway referred');

      await choose(page, 'What happened next?', 'Reasonable Grounds decision');
      await clickAndLoad(page, button(page, 'Continue'));
      assert.equal(await heading(page), 'Reasonable Grounds decision');
      await tab.check('Reasonable Grounds decision form');
      await fillDate(page, 'Date of the decision', kRgDate);
      await choose(page, 'Reasonable Grounds decision', 'Positive');
      await clickAndLoad(page, button(page, 'Save'));
      assert.equal(pathOf(page), `/cases/${caseId}/nrm`);
      assert.equal(await summaryValue(page, 'Current stage'),
        'Recovery period: waiting for the Conclusive Grounds decision');
      assert.equal(await summaryValue(page, 'Minimum recovery period ends'),
        forPeople(kRecoveryEnds));
      await tab.check('NRM pathway recovery period');
    });

  it('a needs assessment is recorded with JavaScript turned off', kStep, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await backToCase(page, caseId);
    await clickAndLoad(page, section(page, 'Needs assessment'));
    assert.equal(pathOf(page), `/cases/${caseId}/assessments`);
    assert.equal(await heading(page), 'Needs and risk assessments');
    await tab.check('assessments empty');
    await clickAndLoad(page, button(page, 'Record a needs assessment'));
    assert.equal(await heading(page), 'Record a needs assessment');
    await tab.check('needs assessment form');

    // The same session in a context that runs no script: the form works as plain HTML.
    const plain = await openTab({
      javaScriptEnabled: false, storageState: await tab.context.storageState(),
    });
    const p = plain.page;
    await p.goto(`/cases/${caseId}`);
    await clickAndLoad(p, section(p, 'Needs assessment'));
    await clickAndLoad(p, button(p, 'Record a needs assessment'));
    await choose(p, 'What kind of assessment is this?', 'Initial assessment');
    await choose(p, 'How was it carried out?', 'In person');
    const needs = [
      { area: 'Accommodation', when: 'Immediate', text: 'A safe place to stay away from the city',
        met: 'No' },
      { area: 'Legal: immigration', when: 'Short term',
        text: 'Advice from an immigration solicitor', met: 'No' },
      { area: 'Language', when: 'Long term', text: 'English classes near the safehouse',
        met: 'Yes' },
    ];
    const fillNeed = async (n) => {
      const need = needs[n - 1];
      const row = p.getByRole('group', { name: `Need ${n}`, exact: true });
      await row.getByLabel('Area').selectOption({ label: need.area });
      await row.getByLabel('When it should be met').selectOption({ label: need.when });
      await row.getByLabel('Description').fill(need.text);
      await choose(row, `Has need ${n} been met?`, need.met);
    };
    await fillNeed(1);
    await fillNeed(2);
    // Leave the third blank row out, then ask for another row: the form comes back from the
    // server with what was typed and one blank need.
    const more = await clickAndLoad(p, button(p, 'Add another need'));
    assert.equal(more.status(), 200);
    assert.equal(await p.getByRole('group', { name: 'Need 3', exact: true }).count(), 1);
    assert.equal(await p.getByRole('group', { name: 'Need 4', exact: true }).count(), 0);
    assert.equal(await p.getByRole('group', { name: 'Need 2', exact: true })
      .getByLabel('Description').inputValue(), needs[1].text, 'what was typed is kept');
    await shots.take(p, 'needs assessment form after adding a need without JavaScript');
    await fillNeed(3);
    await p.getByLabel('What the person brings').fill('Speaks three languages; wants to cook');
    // Enter in a text field saves the form: it does not add another need.
    await Promise.all([
      p.waitForURL(`**/cases/${caseId}/assessments*`),
      p.getByRole('group', { name: 'Date of the assessment' }).getByLabel('Year').press('Enter'),
    ]);
    assert.equal(pathOf(p), `/cases/${caseId}/assessments`);
    assert.match(await banner(p), /Needs assessment recorded/);
    await shots.take(p, 'needs assessment recorded without JavaScript');
    assert.deepEqual(plain.unexpectedErrors(), [], 'browser errors without JavaScript');
    assert.ok(plain.errors.length > 0, 'the script files were blocked, so JavaScript was off');
    await plain.close();

    // Back in the tab with JavaScript: the result, checked by axe.
    await clickAndLoad(page, link(page, 'Back'));
    const text = await mainText(page);
    for (const need of needs) assert.match(text, new RegExp(need.text));
    await tab.check('assessments with needs');
  });

  it('the worker records a risk assessment, after an empty form is refused', kStep, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await clickAndLoad(page, button(page, 'Record a risk assessment'));
    assert.equal(await heading(page), 'Record a risk assessment');
    await tab.check('risk assessment form');

    const refused = await clickAndLoad(page, button(page, 'Save risk assessment'));
    await expectErrorSummary(page, refused, { title: 'Record a risk assessment' });
    await tab.check('risk assessment form with errors');

    const levels = {
      'Re-trafficking': 'Low', 'Contact from exploiters': 'Low', 'Self-harm': 'None',
      'Harm to others': 'None', 'Exposure of location': 'Low', Health: 'None',
    };
    for (const [kind, level] of Object.entries(levels)) {
      await page.getByRole('group', { name: kind, exact: true })
        .getByLabel(level, { exact: true }).check();
    }
    await page.getByRole('group', { name: 'Re-trafficking', exact: true }).getByLabel('Notes')
      .fill('The exploiters know the city she lived in; she now lives elsewhere.');
    await choose(page, 'Overall level of risk', 'Low');
    await fillDate(page, 'Date of the next review', kRiskReview);
    await clickAndLoad(page, button(page, 'Save risk assessment'));
    assert.equal(pathOf(page), `/cases/${caseId}/assessments`);
    assert.match(await banner(page), /Risk assessment recorded/);
    assert.equal(await summaryValue(page, 'Review by'), forPeople(kRiskReview));
    await tab.check('assessments with risk');

    await backToCase(page, caseId);
    assert.match(await sectionRow(page, 'Risk assessment'),
      new RegExp(`Review by ${forPeople(kRiskReview)}`));
  });

  it('the worker makes the support and safety plan and agrees it with the person', kStep,
    async () => {
      const tab = await signedInWorker();
      const { page } = tab;
      await clickAndLoad(page, section(page, 'Support and safety plan'));
      assert.equal(pathOf(page), `/cases/${caseId}/plan`);
      assert.equal(await heading(page), 'Support and safety plan');
      await tab.check('plan not started');
      await clickAndLoad(page, button(page, 'Start a plan'));
      assert.match(await banner(page), /Plan started/);
      await tab.check('plan started');

      await clickAndLoad(page, button(page, 'Add a goal'));
      assert.equal(await heading(page), 'Add a goal');
      await tab.check('goal form');
      await page.getByLabel('Goal', { exact: true }).fill('To live somewhere safe and settled');
      const addresses = page.getByRole('group', { name: 'Which needs does this goal address?' });
      await addresses.getByLabel('Accommodation', { exact: true }).check();
      await addresses.getByLabel('Legal: immigration', { exact: true }).check();
      const action = page.getByRole('group', { name: 'Action 1', exact: true });
      await action.getByLabel('What will be done').fill('Apply for safe-house move-on housing');
      await action.getByLabel('Who will do it').fill('Support worker');
      await fillDate(action, 'When it is due', kActionDue);
      await clickAndLoad(page, button(page, 'Save goal'));
      assert.equal(pathOf(page), `/cases/${caseId}/plan`);
      assert.match(await banner(page), /Plan saved/);
      const goal = page.locator('.govuk-summary-card', { hasText: 'Goal 1' });
      assert.match(await summaryValue(goal, 'Action 1'), /Apply for safe-house move-on housing/);

      // The twenty points, in the pages' five groups: from the first group's card, each page
      // saves and continues to the next.
      await clickAndLoad(page, page.getByRole('link', { name: /^Change Information and needs/ }));
      const groups = [
        ['Information and needs', 1, 4],
        ['Rights and the person\'s own account', 5, 8],
        ['Risks and safety', 9, 11],
        ['Services, culture and agreement', 12, 15],
        ['Confidentiality, partnership and records', 16, 20],
      ];
      for (const [index, [title, first, last]] of groups.entries()) {
        assert.equal(await heading(page), title);
        assert.match(await mainText(page), new RegExp(`Part ${index + 1} of 5`));
        if (index === 0) await tab.check('plan evidence form');
        const boxes = page.getByRole('textbox', { name: /^Evidence for point \d+$/ });
        assert.equal(await boxes.count(), last - first + 1, `${title} has its points`);
        for (let point = first; point <= last; point += 1) {
          await page.getByRole('textbox', { name: `Evidence for point ${point}`, exact: true })
            .fill(`Point ${point}: discussed with ${kGiven} through the interpreter.`);
        }
        if (first === 5) {
          await page.getByLabel('Language the information was given in').fill('sqi');
          await choose(page, 'Format the information was given in',
            'Spoken (face to face or by phone)');
        }
        await clickAndLoad(page, button(page, index === groups.length - 1 ? 'Save'
          : 'Save and continue'));
      }
      assert.equal(pathOf(page), `/cases/${caseId}/plan`);
      assert.match(await banner(page), /Plan saved/);

      await clickAndLoad(page, button(page, 'Set the review date'));
      assert.equal(await heading(page), 'Review date');
      await tab.check('plan review date form');
      await fillDate(page, 'When will the plan be reviewed with the person?', kPlanReview);
      await clickAndLoad(page, button(page, 'Save'));
      assert.equal(pathOf(page), `/cases/${caseId}/plan`);

      await clickAndLoad(page, button(page, 'Check your answers and agree the plan'));
      assert.equal(await heading(page), 'Check your answers before agreeing the plan');
      const answers = await mainText(page);
      assert.doesNotMatch(answers, /The plan cannot be agreed until you/, 'nothing is missing');
      assert.match(answers, /To live somewhere safe and settled/);
      assert.match(answers, /Point 20: discussed/);
      assert.match(answers, new RegExp(forPeople(kPlanReview)));
      await tab.check('plan check your answers');

      const refused = await clickAndLoad(page, button(page, 'Agree the plan'));
      await expectErrorSummary(page, refused,
        { title: 'Check your answers before agreeing the plan' });
      await tab.check('plan agreement with errors');

      await fillDate(page, 'When did the person agree the plan?', kToday);
      await choose(page, 'How did you agree it with them?', 'In person');
      await page.getByLabel('Language you agreed it in').fill('sqi');
      await choose(page, 'Was an interpreter used?', 'Yes');
      await clickAndLoad(page, button(page, 'Agree the plan'));
      assert.equal(pathOf(page), `/cases/${caseId}/plan`);
      assert.match(await banner(page), /Plan agreed with the person/);
      const plan = page.locator('.govuk-summary-card', { hasText: 'Plan' }).first();
      assert.equal(await summaryValue(plan, 'Status'), 'Agreed, awaiting approval');
      assert.equal(await summaryValue(plan, 'Review date'), forPeople(kPlanReview));
      assert.match(await summaryValue(plan, 'Agreed with the person'),
        /Albanian \(sqi\), with an interpreter/);
      await tab.check('plan agreed');
    });

  it('the worker records a visit with an interpreter', kStep, async () => {
    const tab = await signedInWorker();
    const { page } = tab;
    await backToCase(page, caseId);
    await clickAndLoad(page, section(page, 'Contacts and notes'));
    assert.equal(pathOf(page), `/cases/${caseId}/contacts`);
    await tab.check('contacts empty');
    await clickAndLoad(page, button(page, 'Record a contact'));
    assert.equal(await heading(page), 'Record a contact');
    await tab.check('contact form');

    await fillDate(page, 'Date of the contact', kToday);
    await choose(page, 'Type of contact', 'Visit in person');
    await choose(page, 'Who was the contact with?', 'With the survivor');
    await choose(page, 'Was an interpreter used?', 'Yes');
    await page.getByLabel('Language the interpreter used').fill('sqi');
    await page.getByLabel('How long did it last?').fill('45');
    await page.getByLabel('Notes', { exact: true })
      .fill('Went through the plan together; she agreed it and asked about English classes.');
    await choose(page, 'Is this note restricted?', 'No, anyone who can read the case can read it');
    await clickAndLoad(page, button(page, 'Save contact'));
    assert.equal(pathOf(page), `/cases/${caseId}/contacts`);
    assert.match(await banner(page), /Contact recorded/);
    const list = await mainText(page);
    assert.match(list, /Visit in person/);
    await tab.check('contacts with a visit');

    await clickAndLoad(page, page.locator('main table').getByRole('link').first());
    assert.equal(await summaryValue(page, 'Date'), forPeople(kToday));
    assert.equal(await summaryValue(page, 'Type'), 'Visit in person');
    assert.equal(await summaryValue(page, 'Interpreter'), 'Yes, Albanian');
    assert.equal(await summaryValue(page, 'Duration'), '45 minutes');
    assert.match(await summaryValue(page, 'Notes'), /asked about English classes/);
    await tab.check('contact');
  });

  it('the case\'s Tasks page and "Your tasks" open from the case and the menu', kStep,
    async () => {
      const tab = await signedInWorker();
      const { page } = tab;
      await backToCase(page, caseId);
      await clickAndLoad(page, section(page, 'Tasks'));
      assert.equal(pathOf(page), `/cases/${caseId}/tasks`);
      assert.equal(await heading(page), 'Tasks');
      await tab.check('case tasks');

      await clickAndLoad(page, page.getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Tasks', exact: true }));
      assert.equal(pathOf(page), '/tasks');
      assert.equal(await heading(page), 'Your tasks');
      await tab.check('your tasks');
    });

  it('the deadlines from the NRM, the risk assessment and the plan are on both task pages',
    kStep, async () => {
      const tab = await signedInWorker();
      const { page } = tab;
      const expected = [
        ['Recovery period ends', kRecoveryEnds],
        ['Risk assessment review due', kRiskReview],
        ['Support plan review due', kPlanReview],
      ];
      await clickAndLoad(page, link(page, 'Cases'));
      await clickAndLoad(page, link(page, caseReference));
      assert.match(await sectionRow(page, 'Tasks'), /\d+ tasks/);
      await clickAndLoad(page, section(page, 'Tasks'));
      for (const [title, due] of expected) {
        assert.match(await summaryValue(page, title), new RegExp(`^${forPeople(due)}`),
          `the case's tasks list "${title}"`);
      }

      await clickAndLoad(page, page.getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Tasks', exact: true }));
      for (const [title, due] of expected) {
        const row = page.locator('tbody tr', { hasText: title });
        assert.equal(await row.count(), 1, `"Your tasks" lists "${title}"`);
        const text = squash(await row.textContent());
        assert.match(text, new RegExp(forPeople(due)));
        assert.match(text, new RegExp(caseReference));
      }
      await tab.check('your tasks with deadlines');
    });
});
