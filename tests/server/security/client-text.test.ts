// Text in the client is rendered by React as text, never as markup: no component injects HTML,
// no chart tooltip (ECharts' only HTML surface) is registered, and chart labels cannot be turned
// into ECharts rich-text markup by a name that contains "{style|…}".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { barListOption } from '../../../client/charts/barListOption';
import { HOSTILE } from './hostile';

const CLIENT = path.resolve('client');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(tsx?|html)$/.test(e.name) ? [p] : [];
  });
}

describe('the client never turns text into markup', () => {
  test('no HTML injection API is used anywhere in client/', () => {
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\bnew Function\(|\beval\(|createContextualFragment|srcdoc/;
    const found = sources(CLIENT).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          sinks.test(line) ? [`${path.relative(CLIENT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  test('no link target is built from data: every href is a literal, a hash or an app path helper', () => {
    const hrefs = sources(CLIENT).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/href=\{([^}]*)\}/g)].map(
        (m) => `${path.relative(CLIENT, file)}: ${m[1]}`,
      ),
    );
    // Each dynamic href goes through a helper that builds a same-origin path (no user text).
    for (const h of hrefs) expect(h).toMatch(/(Url|Path|path|With)\(|`\/rapat\/\$\{id|^[^:]+: href$/);
  });

  test('ECharts draws on canvas without a tooltip (its HTML surface) registered', () => {
    const registry = fs.readFileSync(path.join(CLIENT, 'charts', 'echarts.ts'), 'utf8');
    expect(registry).not.toMatch(/Tooltip/);
    expect(registry).toMatch(/CanvasRenderer/);
    const charts = sources(path.join(CLIENT, 'charts')).map((f) => fs.readFileSync(f, 'utf8'));
    expect(charts.join('\n')).not.toMatch(/\btooltip\s*:/);
  });

  test('a bar label cannot smuggle ECharts rich-text markup, highlighted or not, tagged or not (regression)', () => {
    const items = [
      { key: 'a', label: HOSTILE.echartsRich, value: 1, colour: 'hijau', valueText: '1' },
      { key: 'b', label: HOSTILE.echartsRich, value: 2, colour: 'merah', valueText: '2', highlight: true },
    ];
    for (const tagged of [false, true]) {
      const withTags = tagged
        ? items.map((i) => ({ ...i, tag: { text: '{hl|x}', colour: 'hijau' } }))
        : items;
      const option = barListOption(withTags, { valueName: 'nilai' }) as {
        yAxis: { axisLabel: { formatter: (label: string, index: number) => string } };
      };
      const format = option.yAxis.axisLabel.formatter;
      for (const [index, item] of withTags.entries()) {
        const out = format(item.label, index);
        // Only the formatter's own style tags remain: the label's braces and bars are gone.
        expect(out.replace(/\{(hl|n|pad|gap|t\d+)\|/g, '').replace(/\}/g, '')).not.toMatch(/[{|]/);
        expect(out).toContain('merah');
      }
    }
  });
});
