// What every journey does with a page as a person would: follow a link or press a button and
// wait for the page it leads to, read the heading, and sign in with a password and then the
// security code from the demo user's authenticator (the binary's `totp-code --demo`).
import assert from 'node:assert/strict';

// Every demo user's password (`waymark serve --demo`).
export const kDemoPassword = 'kettle orchard velvet';

// Clicks and waits for the page the click leads to (after any redirects) to load. Returns the
// response for that page, so its status can be checked. No journey expects a refusal (403) or a
// server error, so those fail at once with what the server said.
export async function clickAndLoad(page, locator) {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await locator.click();
  const response = await navigation;
  const status = response?.status() ?? 0;
  if (status === 403 || status >= 500) {
    const body = (await page.locator('body').textContent()).trim().slice(0, 300);
    assert.fail(`${response.request().method()} ${page.url()} answered ${status}: ${body}`);
  }
  return response;
}

export function button(page, name) {
  return page.getByRole('button', { name, exact: true });
}

export function pathOf(page) {
  return new URL(page.url()).pathname;
}

export async function heading(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

// The first step of signing in; the response is for the page it leads to (the security code
// page, enrolment, or the sign-in page again with an error).
export async function signInWithPassword(page, email, password) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  return clickAndLoad(page, button(page, 'Continue'));
}

// Signs a demo user in with their password and their current security code, ending on the home
// page. A code cannot be used twice, so a second sign-in of the same user within 30 seconds
// would be refused: a journey signs each user in once.
export async function signIn(page, server, email, password = kDemoPassword) {
  await signInWithPassword(page, email, password);
  assert.equal(pathOf(page), '/sign-in/security-code');
  await page.getByLabel('Security code').fill(await server.totpCode(email));
  await clickAndLoad(page, button(page, 'Continue'));
  assert.equal(pathOf(page), '/');
}
