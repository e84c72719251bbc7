import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, scopeSvgIds } from '@ipmgan/report';
import type { ExperimentReport, ReportTable } from './ExperimentReport.js';
import type { FigureRenderer } from './FigureRenderer.js';
import { countOf } from '@ipmgan/report';

const markdownCell = (s: string): string => s.replace(/\|/g, '\\|');

function markdownTable(table: ReportTable): string {
  return [
    `**${table.caption}**`,
    '',
    `| ${table.header.map(markdownCell).join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
  ].join('\n');
}

function htmlTable(table: ReportTable): string {
  const head = table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * Writes `outDir`/report.md, report.html (self-contained: figures as inline SVG),
 * figures/<name>.png and figures/<name>.vl.json (the vega-lite spec), and results.json.
 * Without a renderer only the specs are written and the reports say so.
 */
export async function writeExperimentReport(
  outDir: string,
  report: ExperimentReport,
  render: FigureRenderer | null,
): Promise<void> {
  const figuresDir = join(outDir, 'figures');
  mkdirSync(figuresDir, { recursive: true });
  const svgs: string[] = [];
  const rasterised: boolean[] = [];
  for (const figure of report.figures) {
    writeFileSync(join(figuresDir, `${figure.name}.vl.json`), `${JSON.stringify(figure.spec, null, 2)}\n`);
    if (render) {
      const { svg, png } = await render(figure.spec);
      // The SVG where resvg cannot rasterise (its binary is an optional dependency).
      writeFileSync(join(figuresDir, `${figure.name}.${png ? 'png' : 'svg'}`), png ?? svg);
      rasterised.push(png !== null);
      svgs.push(scopeSvgIds(svg, figure.name));
    }
  }
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report.results, null, 2)}\n`);

  const held = report.claims.filter((c) => c.held).length;
  const verdict = `${String(held)} of ${countOf(report.claims.length, 'claim')} held.`;
  const md = [
    `# ${report.title}`,
    '',
    ...report.setup.flatMap((p) => [p, '']),
    '## Claims',
    '',
    verdict,
    '',
    '| claim | paper | measured | criterion | held |',
    '| --- | --- | --- | --- | --- |',
    ...report.claims.map(
      (c) =>
        `| ${c.id} | ${markdownCell(c.paper)} | ${markdownCell(c.measured)} | ${markdownCell(c.criterion)} | ${c.held ? 'yes' : '**no**'} |`,
    ),
    '',
    '## Numbers',
    '',
    ...report.tables.flatMap((t) => [markdownTable(t), '']),
    '## Figures',
    '',
    ...report.figures.flatMap((f, i) => [
      render
        ? `![${f.caption}](figures/${f.name}.${rasterised[i] === false ? 'svg' : 'png'})`
        : `(not rendered: figures/${f.name}.vl.json is the vega-lite spec)`,
      '',
      `*${f.caption}*`,
      '',
    ]),
  ].join('\n');
  writeFileSync(join(outDir, 'report.md'), md);

  const claimRows = report.claims
    .map(
      (c) =>
        `<tr class="${c.held ? 'held' : 'failed'}"><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.paper)}</td><td>${escapeHtml(c.measured)}</td><td>${escapeHtml(c.criterion)}</td><td>${c.held ? 'yes' : 'no'}</td></tr>`,
    )
    .join('\n');
  const figures = report.figures
    .map(
      (f, i) =>
        `<figure>${svgs[i] ?? `<p>(not rendered: figures/${escapeHtml(f.name)}.vl.json is the vega-lite spec)</p>`}<figcaption>${escapeHtml(f.caption)}</figcaption></figure>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>body{font-family:"DejaVu Sans",sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:90%}caption{font-weight:bold;text-align:left}tr.failed td:last-child{color:#b00;font-weight:bold}figure{margin:1em 0}</style>
</head><body>
<h1>${escapeHtml(report.title)}</h1>
${report.setup.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<h2>Claims</h2><p>${escapeHtml(verdict)}</p>
<table><thead><tr><th>claim</th><th>paper</th><th>measured</th><th>criterion</th><th>held</th></tr></thead><tbody>
${claimRows}
</tbody></table>
<h2>Numbers</h2>
${report.tables.map(htmlTable).join('\n')}
<h2>Figures</h2>
${figures}
</body></html>
`;
  writeFileSync(join(outDir, 'report.html'), html);
}
