// Browser journeys through a real `waymark serve --demo` with Debian's chromium: sign-in with a
// security code, authenticator enrolment, an administrator adding a user who sets a password
// from the one-time link, the administration and account pages, and sign-out. Every page state
// is checked with axe-core against WCAG 2.2 A and AA and must have no script or CSP errors.
//
// The journeys share one server and run in order: the administrator signs in once (a security
// code cannot be used twice, so a second sign-in within 30 seconds would be refused) and signs
// out last.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Tab } from './support/browser.js';
import {
  button, clickAndLoad, heading, kDemoPassword as kPassword, pathOf, signIn, signInWithPassword,
} from './support/pages.js';
import { startSuite, stopSuite } from './support/suite.js';
import { totp, wrongTotp } from './support/totp.js';

const kAdmin = 'admin@northgate.demo';
const kNewWorker = 'new.worker@harbour.demo';

let server;
let browser;
let shots;
const tabs = [];
let adminTab = null;

async function openTab() {
  const tab = await Tab.open(browser, server.url, shots);
  tabs.push(tab);
  return tab;
}

// The administrator's signed-in tab; journey (a) creates it and later journeys reuse it.
async function signedInAdmin() {
  if (adminTab) return adminTab;
  const tab = await openTab();
  await signIn(tab.page, server, kAdmin);
  adminTab = tab;
  return tab;
}

describe('Waymark in a browser', { timeout: 240_000 }, () => {
  const suite = { tabs };
  before(async () => {
    await startSuite(suite);
    ({ server, shots, browser } = suite);
  });

  after(() => stopSuite(suite));

  it('the accessibility check finds a known violation', async () => {
    const tab = await openTab();
    await tab.page.setContent(
      '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>' +
      '<h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
    await assert.rejects(tab.check('known violation'), /image-alt/);
    await tab.close();
  });

  it('(a) refuses a wrong password with an error summary, then signs in with password and code',
    async () => {
      const tab = await openTab();
      const { page } = tab;
      await page.goto('/sign-in');
      await tab.check('sign-in');

      const refused = await signInWithPassword(page, kAdmin, 'not the right password');
      assert.equal(pathOf(page), '/sign-in');
      assert.ok(refused.status() >= 400, `a wrong password answered ${refused.status()}`);
      const summary = page.locator('.govuk-error-summary');
      assert.equal(await summary.count(), 1, 'the error summary is shown');
      assert.equal(await page.title(), 'Error: Sign in - Waymark');
      // GOV.UK Frontend's script moves focus to the summary: proof that it runs under the CSP.
      await page.waitForFunction(
        () => document.activeElement?.classList.contains('govuk-error-summary'), null,
        { timeout: 5_000 });
      assert.match(await summary.textContent(), /There is a problem/);
      assert.equal(await page.getByLabel('Email address').inputValue(), kAdmin,
        'the email address is kept');
      assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '',
        'the password is never sent back');
      await tab.check('sign-in wrong password');

      await tab.close();
      const admin = await signedInAdmin();
      assert.match(await heading(admin.page), /^Welcome, Alex Admin \(demo\)/);
      await admin.check('home as administrator');
    });

  it('(a) shows the security code page with an error for a wrong code', async () => {
    const tab = await openTab();
    const { page } = tab;
    await signInWithPassword(page, 'support.worker@harbour.demo', kPassword);
    assert.equal(pathOf(page), '/sign-in/security-code');
    await tab.check('security code');
    const right = await server.totpCode('support.worker@harbour.demo');
    const wrong = right === '000000' ? '111111' : '000000';
    await page.getByLabel('Security code').fill(wrong);
    await clickAndLoad(page, button(page, 'Continue'));
    assert.equal(pathOf(page), '/sign-in/security-code');
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    await tab.check('security code wrong');
  });

  it('(b) enrols an authenticator app, shows 10 recovery codes, then the home page', async () => {
    const tab = await openTab();
    const { page } = tab;
    await signInWithPassword(page, kNewWorker, kPassword);
    assert.equal(pathOf(page), '/sign-in/enrol');
    assert.equal(await heading(page), 'Set up your authenticator app');
    assert.equal(await page.locator('.waymark-qr svg').count(), 1, 'the QR code is shown');
    await tab.check('enrol');

    assert.equal(await page.locator('#secret').isVisible(), false, 'the key waits behind details');
    await page.getByText('I cannot scan the QR code').click();
    assert.equal(await page.locator('#secret').isVisible(), true);
    await tab.check('enrol key shown');
    const secret = (await page.locator('#secret').textContent()).trim();
    assert.match(secret, /^[A-Z2-7 ]{16,}$/, 'the key is base32');

    await page.getByLabel('Code from your app').fill(wrongTotp(secret));
    await clickAndLoad(page, button(page, 'Continue'));
    assert.equal(await page.locator('.govuk-error-summary').count(), 1, 'a wrong code is refused');
    assert.match(await page.title(), /^Error: /);
    assert.equal((await page.locator('#secret').textContent()).trim(), secret,
      'the same key is offered again');
    await tab.check('enrol wrong code');

    await page.getByLabel('Code from your app').fill(totp(secret));
    await clickAndLoad(page, button(page, 'Continue'));
    assert.match(await page.locator('.govuk-panel__title').textContent(),
      /Your authenticator app is set up/);
    const codes = await page.locator('#recovery-codes li').allTextContents();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10, 'recovery codes differ');
    await tab.check('recovery codes');

    await clickAndLoad(page, page.getByRole('button', { name: 'Continue to Waymark' }));
    assert.equal(pathOf(page), '/');
    assert.match(await heading(page), /^Welcome, Robin New \(demo\)/);
    await tab.check('home after enrolment');
  });

  it('(c) an administrator adds a user who sets a password from the link and must enrol',
    async () => {
      const admin = await signedInAdmin();
      const { page } = admin;
      await clickAndLoad(page, page.getByRole('link', { name: 'Users', exact: true }));
      assert.equal(pathOf(page), '/admin/users');
      await clickAndLoad(page, page.getByRole('button', { name: 'Add a user' }));
      assert.equal(pathOf(page), '/admin/users/new');
      await admin.check('add a user');

      const refused = await clickAndLoad(page, button(page, 'Create account'));
      assert.equal(refused.status(), 400);
      assert.equal(await page.locator('.govuk-error-summary').count(), 1);
      assert.match(await page.title(), /^Error: /);
      await admin.check('add a user with errors');

      const email = 'casey.newcomer@harbour.demo';
      await page.getByLabel('Full name').fill('Casey Newcomer');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Harbour House Safehouse (demo)', { exact: true }).check();
      await page.getByLabel('Support worker', { exact: true }).check();
      await clickAndLoad(page, button(page, 'Create account'));
      assert.match(await page.locator('.govuk-panel__title').textContent(), /Account created/);
      const link = (await page.locator('.govuk-inset-text code').textContent()).trim();
      assert.match(link, new RegExp(`^${server.url}/set-password/[A-Za-z0-9_-]{20,}$`));
      await admin.check('account created');

      const person = await openTab();
      const newcomer = person.page;
      await newcomer.goto(link);
      assert.equal(await heading(newcomer), 'Create your password');
      assert.match(await newcomer.locator('main').textContent(), new RegExp(email));
      await person.check('create your password');

      const chosen = 'granite lantern meadow 47';
      await newcomer.getByLabel('Password', { exact: true }).fill(chosen);
      await newcomer.getByLabel('Confirm password').fill('granite lantern meadow 48');
      await clickAndLoad(newcomer, button(newcomer, 'Create password'));
      assert.equal(await newcomer.locator('.govuk-error-summary').count(), 1,
        'a confirmation that does not match is refused');
      await person.check('create your password mismatch');

      await newcomer.getByLabel('Password', { exact: true }).fill(chosen);
      await newcomer.getByLabel('Confirm password').fill(chosen);
      await clickAndLoad(newcomer, button(newcomer, 'Create password'));
      assert.equal(pathOf(newcomer), '/sign-in');
      assert.match(await newcomer.locator('.govuk-notification-banner').textContent(),
        /Your password is set/);
      await person.check('password set');

      const reused = await newcomer.goto(link);
      assert.equal(reused.status(), 404, 'the link works once');
      assert.equal(await heading(newcomer), 'This link cannot be used');
      await person.check('link used');

      await signInWithPassword(newcomer, email, chosen);
      assert.equal(pathOf(newcomer), '/sign-in/enrol');
      assert.equal(await heading(newcomer), 'Set up your authenticator app');
      await person.check('new user enrol');
    });

  it('(e) the users list, an organisation, the account page and an unknown path', async () => {
    const admin = await signedInAdmin();
    const { page } = admin;

    await page.goto('/admin/users');
    const table = page.locator('table');
    assert.match(await table.textContent(), /admin@northgate\.demo/);
    assert.match(await table.textContent(), /casey\.newcomer@harbour\.demo/);
    await admin.check('users');

    await clickAndLoad(page, page.getByRole('link', { name: 'Organisations', exact: true }));
    assert.equal(pathOf(page), '/admin/organisations');
    await admin.check('organisations');
    await clickAndLoad(page, page.getByRole('link', { name: 'Harbour House Safehouse (demo)' }));
    assert.match(pathOf(page), /^\/admin\/organisations\/[^/]+$/);
    assert.equal(await heading(page), 'Harbour House Safehouse (demo)');
    await admin.check('organisation');

    await clickAndLoad(page, page.getByRole('link', { name: 'Your account', exact: true }));
    assert.equal(pathOf(page), '/account');
    assert.equal(await heading(page), 'Your account');
    assert.match(await page.locator('.govuk-summary-list').textContent(), /admin@northgate\.demo/);
    await admin.check('account');

    const missing = await page.goto('/no-such-page');
    assert.equal(missing.status(), 404);
    assert.match(await page.title(), /not found/i);
    await admin.check('not found');
  });

  it('(d) signs out from the header and the session is gone', async () => {
    const admin = await signedInAdmin();
    const { page } = admin;
    await page.goto('/');
    await clickAndLoad(page, page.locator('header').getByRole('button', { name: 'Sign out' }));
    assert.equal(pathOf(page), '/sign-in');
    assert.match(await page.locator('.govuk-notification-banner').textContent(),
      /You have signed out/);
    await admin.check('signed out');

    await page.goto('/admin/users');
    assert.equal(pathOf(page), '/sign-in', 'a signed-out browser is sent to sign in');
  });
});
