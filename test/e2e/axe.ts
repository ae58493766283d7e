/**
 * Runs axe-core in a page of the built app and returns the violations that block someone
 * (impact `serious` or `critical`), one line per rule and element, ready to be listed by a
 * failing assertion. axe is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern, so checking accessibility adds no CSP violation.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The impacts a test fails on; `minor` and `moderate` ones are for a human to weigh. */
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** The CSS selector of the element, and axe's summary of what is wrong with it. */
  target: string;
  summary: string;
}

/** Injects axe once per document and runs every rule on the whole page. */
export async function findBlockingViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map((node) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        target: node.target.join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
}

/** One line per finding: `[view] rule (impact) target — summary`. */
export function describeFindings(view: string, findings: AxeFinding[]): string[] {
  return findings.map((f) => `[${view}] ${f.rule} (${f.impact}) ${f.target} — ${f.summary}`);
}
