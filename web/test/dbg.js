const { chromium } = require('/work/wt/web/web/node_modules/playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await b.newPage();
  p.on('console', (m) => console.log('console', m.type(), m.text()));
  p.on('pageerror', (e) => console.log('pageerror', e));
  await p.goto('http://127.0.0.1:8000/');
  await p.waitForSelector('body[data-ready-ms]');
  await p.keyboard.type('x = 1'); await p.keyboard.press('Enter');
  await p.waitForTimeout(500);
  await p.keyboard.type('load "moons.mg"'); await p.keyboard.press('Enter');
  await p.waitForTimeout(800);
  console.log(await p.$eval('body', (b) => b.className));
  await p.waitForTimeout(15000);
  await p.waitForTimeout(2000);
  console.log(await p.$$eval('.xterm-rows > div', (rows) => rows.map((r) => r.textContent).join('\n')));
  console.log(await p.$eval('#status', (b) => b.textContent));
  await b.close();
})();
