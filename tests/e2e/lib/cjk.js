// Checks for Chinese text, run inside the page (Playwright's evaluate or a WebDriver
// session's run), so each function uses nothing from outside itself.

/** Every figure or date ("1427亿美元", "每月39.2亿美元", "2020年6月") in the verdicts, the
 *  needed pace and the rates that is broken across lines. A figure is on one line when
 *  its pieces' tops differ by less than half a line: fallback fonts sit a little apart,
 *  and a new line is 20 px or more down. WebKit adds an empty box at the end of the line
 *  before a figure that starts one, which doesn't count. */
export function brokenFigures() {
  const bad = [];
  const sel = '[data-testid^="verdict-"], [data-testid="needed-pace"], .p1-rate-value, .p1-sofar';
  for (const el of document.querySelectorAll(sel)) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.data.matchAll(/(每\u2060?月\u2060?)?[\d,.]+\u2060?(亿\u2060?美\u2060?元|年\u2060?\d+\u2060?月)/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = [...r.getClientRects()].filter((q) => q.width > 0).map((q) => q.top);
        if (Math.max(...tops) - Math.min(...tops) > 10) bad.push(m[0].replace(/\u2060/g, ''));
      }
    }
  }
  return bad;
}
