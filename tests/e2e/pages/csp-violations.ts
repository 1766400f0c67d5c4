import type { Page } from '@playwright/test';

export type Violation = { page: string; directive: string; blocked: string; source: string };

/**
 * Records every Content-Security-Policy violation the browser reports on pages of `origin`, across
 * navigations: a listener installed before any page script reports each `securitypolicyviolation`
 * event to the test, and console messages about a refused resource are kept too (some refusals,
 * such as a blocked inline script before the listener's document is ready, only reach the console).
 */
export async function recordCspViolations(page: Page, origin: string): Promise<{ violations: Violation[]; consoleRefusals: string[] }> {
  const violations: Violation[] = [];
  const consoleRefusals: string[] = [];
  await page.exposeBinding('__ferryCspViolation', ({ frame }, violation: Omit<Violation, 'page'>) => {
    if (frame.url().startsWith(origin)) violations.push({ page: new URL(frame.url()).pathname, ...violation });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __ferryCspViolation: (v: Omit<Violation, 'page'>) => void }).__ferryCspViolation;
      void report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` });
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()) && page.url().startsWith(origin)) consoleRefusals.push(`${new URL(page.url()).pathname}: ${message.text()}`);
  });
  return { violations, consoleRefusals };
}
