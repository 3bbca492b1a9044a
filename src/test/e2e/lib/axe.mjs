// axe-core in the page under test: injects node_modules/axe-core/axe.min.js and runs it on the
// whole document, returning the serious and critical violations (WCAG 2.x A/AA and best practices).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** [{id, impact, help, nodes: [selector...]}] of the serious/critical violations on the page now. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline scripts.
    await page.evaluate(AXE);
  }
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.trim()) }));
}

/** Fails with a readable list when axe finds a serious or critical violation. */
export async function assertAccessible(page, name) {
  const found = await axeViolations(page);
  if (found.length) {
    const lines = found.map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`);
    throw new Error(`axe-core on "${name}" found ${found.length} serious/critical violation(s):\n${lines.join('\n')}`);
  }
}

/** Fails when the page is wider than the viewport (something runs off a phone screen; content of a sideways-scrolling box is fine). */
export async function assertNoHorizontalOverflow(page, name) {
  const { scroll, width, culprits } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) clipped = true;
      }
      if (r.right > w + 1 && r.width > 0 && !clipped && getComputedStyle(el).position !== 'fixed') {
        out.push(`${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} right=${Math.round(r.right)}`);
      }
    }
    return { scroll: document.documentElement.scrollWidth, width: w, culprits: out.slice(0, 8) };
  });
  if (scroll > width + 1) throw new Error(`"${name}" is ${scroll}px wide on a ${width}px screen: ${culprits.join(', ')}`);
}
