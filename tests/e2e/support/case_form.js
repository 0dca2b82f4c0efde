// The "Open a new case" form, filled as the journeys' person: name, date of birth, Albanian
// language and nationality, and a female interpreter.
export async function fillCaseForm(page, { given, family }) {
  await page.getByLabel('Given names').fill(given);
  await page.getByLabel('Family name').fill(family);
  const dob = page.getByRole('group', { name: 'Date of birth' });
  await dob.getByLabel('Day').fill('14');
  await dob.getByLabel('Month').fill('6');
  await dob.getByLabel('Year').fill('1994');
  await page.getByLabel('Languages').fill('sqi');
  await page.getByLabel('Nationalities').fill('AL');
  await page.getByRole('group', { name: 'Do they need an interpreter?' })
    .getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('Female interpreter', { exact: true }).check();
}
