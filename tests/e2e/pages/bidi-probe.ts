import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Reads how money and codes sit in a right-to-left page: every amount an isolated run with its own
 * direction, no amount text left loose in the surrounding sentence, and the order in which the
 * characters of one amount are actually drawn on screen.
 */
export class BidiProbe {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
  }

  /** Every `[data-money]` element: its tag and dir, and the amount it holds. */
  async moneyRuns(): Promise<{ tag: string; dir: string | null; text: string }[]> {
    return this.main.locator('[data-money]').evaluateAll((els) => els.map((el) => ({ tag: el.tagName.toLowerCase(), dir: el.getAttribute('dir'), text: el.textContent ?? '' })));
  }

  /**
   * Text nodes showing a currency sign ("CN¥", "د.إ.") that are neither inside a `<bdi dir>` nor
   * wrapped in a Unicode isolate (U+2066/U+2067 … U+2069) inside a translated sentence.
   */
  async looseAmounts(): Promise<string[]> {
    return this.main.evaluate((root) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!/CN¥|د\.إ\./.test(text)) continue;
        if (node.parentElement?.closest('bdi[dir]')) continue;
        if (/[\u2066\u2067][^\u2069]*(CN¥|د\.إ\.)[^\u2069]*\u2069/.test(text)) continue;
        if (node.parentElement?.closest('script, style, noscript')) continue;
        out.push(text);
      }
      return out;
    });
  }

  /** Left edge (px) where each of `chars` is drawn inside `run`'s text, in the order given. */
  async drawnAt(run: Locator, chars: string[]): Promise<number[]> {
    return run.evaluate((el, wanted) => {
      const text = el.firstChild?.nodeType === Node.TEXT_NODE ? (el.firstChild as Text) : null;
      if (!text) throw new Error('the run holds no plain text');
      return wanted.map((ch) => {
        const index = (text.textContent ?? '').indexOf(ch);
        if (index < 0) throw new Error(`${ch} not in ${JSON.stringify(text.textContent)}`);
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + ch.length);
        return range.getBoundingClientRect().left;
      });
    }, chars);
  }

  /** Every amount on the page is an isolated `<bdi dir>` and none is left loose; returns the runs. */
  async expectIsolatedMoney(minimum = 1) {
    const runs = await this.moneyRuns();
    expect(runs.length, 'amounts on the page').toBeGreaterThanOrEqual(minimum);
    for (const run of runs) {
      expect(run.tag, run.text).toBe('bdi');
      expect(['ltr', 'rtl'], run.text).toContain(run.dir);
    }
    expect(await this.looseAmounts()).toEqual([]);
    return runs;
  }

  /** A "CN¥" amount reads CN¥ on screen (C, then N, then ¥ from left to right), not "¥CN". */
  async expectCnyDrawnInOrder() {
    const run = this.main.locator('bdi[data-money]', { hasText: 'CN¥' }).first();
    await expect(run).toBeVisible();
    await expect(run).toHaveAttribute('dir', 'ltr');
    const [c, n, yen] = await this.drawnAt(run, ['C', 'N', '¥']);
    expect(c!).toBeLessThan(n!);
    expect(n!).toBeLessThan(yen!);
  }
}
