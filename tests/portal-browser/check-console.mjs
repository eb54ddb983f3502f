// Usage: node check-console.mjs <gateway-url> <plan.json>
// Drives the operations console at /console in headless Chromium as a person would: signs in through the token
// server's real form (authorization code + PKCE), opens every page, makes the changes the plan names (a deprecation, a
// retire and a reactivation checked by calls through the gateway, a refused retry, a retry and a cancel of workflow
// instances, a dead-letter replay and a discard), each through its confirmation, saves a screenshot of each page, and
// prints one JSON line with what each page showed. The plan: { user, password, screenshots, expectNotAllowed?, deprecate?,
// retire?: { api, major, reason, probe: { path, token } }, transactions?, deadLetter?, consumersOf? }.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const gateway = process.argv[2];
const plan = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const url = path => new URL(path, gateway).href;
mkdirSync(plan.screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
const report = { errors: [], policyViolations: [], pages: {} };
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
page.setDefaultTimeout(20000);
page.on('pageerror', error => report.errors.push(error.message));
page.on('console', message => {
  if (/Content Security Policy/i.test(message.text())) report.policyViolations.push(message.text());
});

async function shot(name) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(plan.screenshots, `${name}.png`) });
}
const text = selector => page.locator(selector).innerText();

async function confirm(reason, fields = {}) {
  await page.waitForSelector('#confirm[open]');
  for (const [name, value] of Object.entries(fields)) {
    await page.fill(`#confirm input[name="${name}"]`, value);
  }
  await page.fill('#confirm-reason', reason);
  await page.click('#confirm-ok');
  await page.waitForSelector('#confirm:not([open])', { state: 'attached' });
}

// Calls an API through the gateway as a client would, until it answers the status expected (a lifecycle change is in
// force on every replica within seconds), and returns the last status and lifecycle headers.
async function probe({ path, token }, expected) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const response = await fetch(url(path), { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status === expected || Date.now() > deadline) {
      return { status: response.status, deprecation: response.headers.get('deprecation') };
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function open(hash, ready) {
  await page.goto(url(`/console/${hash}`));
  await page.waitForSelector(ready);
}

try {
  // Sign in: the console's landing page, the token server's form, back with a code.
  await page.goto(url('/console/'));
  await page.waitForSelector('#sign-in');
  report.landing = await text('main h1');
  await page.click('#sign-in');
  await page.waitForSelector('input[name="userName"]');
  report.signInForm = new URL(page.url()).pathname;
  await page.fill('input[name="userName"]', plan.user);
  await page.fill('input[name="password"]', plan.password);
  await page.click('button[type="submit"]');

  if (plan.expectNotAllowed) {
    await page.waitForSelector('body[data-page="not-allowed"]');
    report.notAllowed = { title: await text('main h1'), text: await text('main .lead'), navHidden: await page.locator('#nav').isHidden() };
    // The token the console holds for this person, used directly: the gateway refuses it as well.
    report.notAllowed.adminApi = await page.evaluate(async () => {
      const tokens = JSON.parse(sessionStorage.getItem('console.tokens') || 'null');
      if (!tokens) return 'no token';
      const response = await fetch('/admin/apis', { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
      return response.status;
    });
    await shot('not-allowed');
  } else {
    await page.waitForSelector('body[data-page="apis"] tr[data-api]');
    report.signedInAs = await text('#person');
    report.address = new URL(page.url()).pathname + new URL(page.url()).hash;

    // APIs: the catalog, a version's consumers, a lifecycle change asked for with a reason.
    const apis = await page.$$eval('tbody > tr[data-api]', rows => rows.map(row => ({
      name: row.dataset.api, owner: row.children[2].innerText.split('\n')[0], slo: row.children[3].innerText.replace(/\s+/g, ' '),
      versions: [...row.querySelectorAll('.version')].map(v => ({ major: Number(v.dataset.version), status: v.dataset.status })),
    })));
    report.pages.apis = { apis };
    if (plan.deprecate) {
      const { api, major, sunset, reason } = plan.deprecate;
      const version = `.version[data-api="${api}"][data-version="${major}"]`;
      await page.click(`${version} button[data-action="deprecate"]`);
      await confirm(reason, { sunset });
      await page.waitForSelector(`${version}[data-status="deprecated"]`);
      report.pages.apis.notice = await text('main .notice');
      report.pages.apis.after = await page.locator(`${version}`).innerText();
    }
    if (plan.consumersOf) {
      const { api, major } = plan.consumersOf;
      await page.click(`.version[data-api="${api}"][data-version="${major}"] button[data-action="consumers"]`);
      await page.waitForSelector('tr[data-client]');
      report.pages.apis.consumers = await page.$$eval('tr[data-client]', rows => rows.map(r => r.dataset.client));
    }
    await shot('apis');
    if (plan.retire) {
      const { api, major, reason } = plan.retire;
      const version = `.version[data-api="${api}"][data-version="${major}"]`;
      await page.click(`${version} button[data-action="retire"]`);
      await confirm(reason);
      await page.waitForSelector(`${version}[data-status="retired"]`);
      report.pages.apis.retired = { notice: await text('main .notice'), call: await probe(plan.retire.probe, 410) };
      await page.click(`${version} button[data-action="reactivate"]`);
      await confirm(reason);
      await page.waitForSelector(`${version}[data-status="active"]`);
      report.pages.apis.reactivated = { notice: await text('main .notice'), call: await probe(plan.retire.probe, 200) };
    }

    // Traffic: per version, over time, against the SLO.
    const traffic = plan.consumersOf ? `?api=${plan.consumersOf.api}&v=${plan.consumersOf.major}&window=1h` : '';
    await open(`#/traffic${traffic}`, 'body[data-page="traffic"] svg.chart');
    report.pages.traffic = {
      rows: await page.locator('tr[data-version]').count(),
      selected: await text('#traffic-version'),
      charts: await page.locator('svg.chart').count(),
      bars: await page.locator('svg.chart rect').count(),
      objectives: await page.locator('svg.chart line.objective').count(),
      // Each consumer over time: the series drawn (the legend) and the requests their points carry.
      consumerCharts: await page.locator('#consumer-charts svg.chart').count(),
      consumerSeries: await page.$$eval('#consumer-charts figure:first-child .legend span', spans => spans.map(s => s.innerText)),
      consumerRequests: await page.$$eval('#consumer-charts figure:first-child svg circle title',
        titles => titles.reduce((sum, t) => sum + Number(t.textContent.split(': ').pop()), 0)),
      consumerRows: await page.$$eval('tr[data-consumer]', rows => rows.map(r => ({ client: r.dataset.consumer, requests: Number(r.children[1].innerText) }))),
    };
    await shot('traffic');
    await page.evaluate(() => document.getElementById('traffic-version').scrollIntoView());
    await shot('traffic-charts');
    await page.evaluate(() => document.getElementById('traffic-consumers').scrollIntoView());
    await shot('traffic-consumers');

    // Integration health.
    await open('#/health', 'body[data-page="health"] main :is(table, .empty, .error-box)');
    report.pages.health = {
      connectors: await page.$$eval('tr[data-connector]', rows => rows.map(r => `${r.dataset.system}/${r.dataset.connector}`)),
      connectorRows: await page.$$eval('tr[data-connector]', rows => rows.map(r => ({
        system: r.dataset.system, connector: r.dataset.connector, calls: Number(r.children[2].innerText), failures: r.children[5].innerText,
        mappingFailures: Number(r.children[6].innerText.split('\n')[0]), fields: r.children[6].innerText,
      }))),
      messaging: await page.$$eval('tr[data-system]:not([data-connector])', rows => rows.map(r => r.dataset.system)),
      openDeadLetters: Object.fromEntries(await page.$$eval('tr[data-system]:not([data-connector])',
        rows => rows.map(r => [r.dataset.system, Number(r.children[3].innerText)]))),
      errors: await page.$$eval('main .error-box', boxes => boxes.map(b => b.innerText)),
    };
    await shot('integration-health');

    // Transactions: the timeline of a stalled instance, a refused retry shown as its problem, a cancel.
    await open('#/transactions', 'body[data-page="transactions"] main :is(table, .empty)');
    report.pages.transactions = {
      rows: await page.$$eval('tr[data-instance]', rows => rows.map(r => ({ id: r.dataset.instance, status: r.dataset.status, stalled: r.dataset.stalled === 'true' }))),
    };
    if (plan.transactions) {
      const { failed, stalled, stuck, reason } = plan.transactions;
      await page.click(`tr[data-instance="${failed}"]`);
      await page.waitForSelector('#timeline li');
      await page.click('#transaction-detail button[data-action="retry"]');
      await confirm(reason);
      await page.waitForSelector('#transaction-detail .error-box');
      report.pages.transactions.refusedRetry = await text('#transaction-detail .error-box');

      await page.click(`tr[data-instance="${stalled}"]`);
      await page.waitForSelector('#timeline li');
      report.pages.transactions.timeline = await page.$$eval('#timeline li strong', items => items.map(i => i.innerText));
      await shot('transactions');
      await page.click('#transaction-detail button[data-action="cancel"]');
      await confirm(reason);
      await page.waitForSelector('main .notice');
      report.pages.transactions.notice = await text('main .notice');

      await page.waitForSelector(`tr[data-instance="${stuck}"]`);
      await page.click(`tr[data-instance="${stuck}"]`);
      await page.waitForSelector('#timeline li');
      report.pages.transactions.stuckStatus = await page.$eval(`tr[data-instance="${stuck}"]`, r => r.dataset.status);
      await page.click('#transaction-detail button[data-action="retry"]');
      await confirm(reason);
      await page.waitForSelector('main .notice:has-text("retry requested")');
      report.pages.transactions.retried = await text('main .notice');
    } else {
      await shot('transactions');
    }

    // Dead letters: inspect one, replay it.
    await open('#/dead-letters', 'body[data-page="dead-letters"] main :is(table, .empty)');
    report.pages.deadLetters = { rows: await page.$$eval('tr[data-id]', rows => rows.map(r => ({ api: r.dataset.api, id: Number(r.dataset.id), subject: r.dataset.subject }))) };
    if (plan.deadLetter) {
      const row = `tr[data-api="${plan.deadLetter.api}"][data-subject="${plan.deadLetter.subject}"]`;
      await page.click(row);
      await page.waitForSelector('#dead-letter-error');
      report.pages.deadLetters.error = await text('#dead-letter-error');
      await shot('dead-letters');
      await page.click('#dead-letter-detail button[data-action="replay"]');
      await confirm(plan.deadLetter.reason);
      await page.waitForSelector('main .notice');
      report.pages.deadLetters.notice = await text('main .notice');

      const discard = `tr[data-api="${plan.deadLetter.api}"][data-subject="${plan.deadLetter.discard}"]`;
      await page.click(discard);
      await page.waitForSelector('#dead-letter-error');
      await page.click('#dead-letter-detail button[data-action="discard"]');
      await confirm(plan.deadLetter.reason);
      await page.waitForSelector('main .notice:has-text("is discarded")');
      report.pages.deadLetters.discarded = await text('main .notice');
    } else {
      await shot('dead-letters');
    }

    // Audit: filtered to the person, as the page's own form does it.
    await open('#/audit', 'body[data-page="audit"] main :is(table, .empty)');
    await page.fill('#audit-filters input[name="actor"]', plan.user);
    await page.click('#audit-filters button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('actor='));
    await page.waitForSelector('body[data-page="audit"] main :is(table, .empty)');
    report.pages.audit = {
      entries: await page.$$eval('tr[data-action]', rows => rows.map(r => ({
        actor: r.dataset.actor, action: r.dataset.action, target: r.children[3].innerText.split('\n')[0], reason: r.querySelector('.reason').innerText,
      }))),
    };
    await shot('audit');

    // Sign out: the token server ends the session and sends the browser back to the console.
    await page.click('#sign-out-top');
    await page.waitForSelector('#sign-in');
    report.signedOut = { address: new URL(page.url()).pathname, tokens: await page.evaluate(() => sessionStorage.getItem('console.tokens')) };
  }
  console.log(JSON.stringify(report));
} catch (error) {
  await shot('failure').catch(() => {});
  console.error(`${error.message}\nat ${page.url()}\nreport so far: ${JSON.stringify(report)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
