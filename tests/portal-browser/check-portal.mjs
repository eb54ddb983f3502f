// Usage: node check-portal.mjs <gateway-url>
// Opens /developers in headless Chromium, waits for the catalog table, opens Swagger UI for the first API version,
// and prints one JSON line: the listed APIs with their versions, and how many operations Swagger UI rendered.
import { chromium } from 'playwright-core';

const gateway = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto(new URL('/developers', gateway).href);
  await page.waitForSelector('#apis tbody tr', { timeout: 15000 });
  const apis = await page.$$eval('#apis tbody tr', rows => rows.map(row => ({
    name: row.dataset.api,
    versions: [...row.querySelectorAll('.version')].map(v => ({ version: v.dataset.version, status: v.querySelector('.badge').textContent })),
    tryIt: row.querySelector('a[href*="/developers/swagger/"]')?.getAttribute('href') ?? null,
  })));

  const tryIt = apis.find(api => api.tryIt)?.tryIt;
  await page.goto(new URL(tryIt, gateway).href);
  await page.waitForSelector('.opblock', { timeout: 15000 });
  const operations = await page.$$eval('.opblock', blocks => blocks.length);
  const authorize = await page.$$eval('.btn.authorize', buttons => buttons.length);
  console.log(JSON.stringify({ apis, operations, authorize, errors }));
} finally {
  await browser.close();
}
