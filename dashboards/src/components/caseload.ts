// The province overview's caseload charts: the trend by program for Ontario, and the as-of
// month's caseload by service manager. Each function takes the parsed loader output.
import { csvParse } from 'd3-dsv';
import type { TopLevelSpec } from 'vega-lite';
import {
  asStatus,
  formatCount,
  formatFigure,
  formatPercent,
  monthName,
  monthsBefore,
  PROGRAM_LABELS,
  type Status,
} from './format.js';
import { tableView } from './table.js';
import { chartTitle, SCHEME, vegaLite } from './vega.js';

const PROGRAMS = ['OW', 'ODSP', 'ALL'] as const;

function figure(s: string | undefined, status: Status): number | null {
  if (status !== 'ok' || s === undefined || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

// ---- data (the loaders' CSV files) ----

/** data/caseload-province.csv: period, program, caseload, status. */
export interface ProvinceRow {
  period: string;
  program: string;
  caseload: number | null;
  status: Status;
}

export function parseProvinceCaseload(text: string): ProvinceRow[] {
  return csvParse(text).map((r) => {
    const status = asStatus(r.status);
    return { period: r.period ?? '', program: r.program ?? '', caseload: figure(r.caseload, status), status };
  });
}

/** data/caseload-by-manager.csv: period, code, name, type, region, program, caseload, status. */
export interface ManagerRow {
  period: string;
  code: string;
  name: string;
  type: string;
  region: string;
  program: string;
  caseload: number | null;
  status: Status;
}

export function parseManagerCaseload(text: string): ManagerRow[] {
  return csvParse(text).map((r) => {
    const status = asStatus(r.status);
    return {
      period: r.period ?? '',
      code: r.code ?? '',
      name: r.name ?? '',
      type: r.type ?? '',
      region: r.region ?? '',
      program: r.program ?? '',
      caseload: figure(r.caseload, status),
      status,
    };
  });
}

// ---- caseload trend by program (Ontario) ----

function provinceValue(rows: readonly ProvinceRow[], period: string, program: string): number | null {
  return rows.find((r) => r.period === period && r.program === program)?.caseload ?? null;
}

/** The month to compare the latest with: a year earlier when published, otherwise the first month. */
function comparisonMonth(periods: readonly string[], latest: string): string | undefined {
  const yearAgo = monthsBefore(latest, 12);
  if (periods.includes(yearAgo)) return yearAgo;
  const first = periods[0];
  return first !== undefined && first < latest ? first : undefined;
}

export interface TrendSummary {
  message: string;
  subtitle: string;
  description: string;
}

export function summarizeTrend(rows: readonly ProvinceRow[]): TrendSummary {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const first = periods[0];
  const latest = periods[periods.length - 1];
  const subtitle =
    first && latest
      ? `Cases in receipt of assistance in Ontario, by program, monthly, ${monthName(first)} to ${monthName(latest)}`
      : 'Cases in receipt of assistance in Ontario, by program, monthly';
  if (!latest) return { message: 'No provincial caseload published', subtitle, description: 'No data.' };

  const all = provinceValue(rows, latest, 'ALL');
  const ow = provinceValue(rows, latest, 'OW');
  const odsp = provinceValue(rows, latest, 'ODSP');
  const parts = [
    `In ${monthName(latest)}, ${all === null ? 'the provincial caseload is not published' : `${formatCount(all)} cases were in receipt of assistance in Ontario`}`,
    `: ${ow === null ? 'Ontario Works not published' : `${formatCount(ow)} Ontario Works`} and ${odsp === null ? 'ODSP not published' : `${formatCount(odsp)} ODSP`}.`,
  ];
  let message = `Ontario’s caseload in ${monthName(latest)}`;
  const base = comparisonMonth(periods, latest);
  const baseAll = base ? provinceValue(rows, base, 'ALL') : null;
  if (base && all !== null && baseAll !== null && baseAll > 0) {
    const change = (100 * (all - baseAll)) / baseAll;
    const since = base === monthsBefore(latest, 12) ? 'on the year' : `since ${monthName(base)}`;
    const direction = Math.abs(change) < 0.05 ? 'unchanged' : change > 0 ? 'up' : 'down';
    message =
      direction === 'unchanged'
        ? `Ontario’s caseload unchanged ${since}`
        : `Ontario’s caseload ${direction} ${formatPercent(Math.abs(change))} ${since}`;
    parts.push(
      ` That is ${direction === 'unchanged' ? 'the same as' : `${formatPercent(Math.abs(change))} ${direction === 'up' ? 'more than' : 'fewer than'}`} in ${monthName(base)} (${formatCount(baseAll)}).`,
    );
  }
  const hidden = rows.filter((r) => r.status === 'suppressed').length;
  if (hidden > 0)
    parts.push(` ${hidden} monthly figure${hidden === 1 ? ' is' : 's are'} suppressed and left as gaps.`);
  return { message, subtitle, description: parts.join('') };
}

export function caseloadTrendChart(
  rows: readonly ProvinceRow[],
  summary: TrendSummary,
  { width }: { width: number },
) {
  const latest = rows.reduce((m, r) => (r.period > m ? r.period : m), '');
  const values = rows.map((r) => ({
    month: `${r.period}-01`,
    program: PROGRAM_LABELS[r.program] ?? r.program,
    caseload: r.caseload,
    shown: formatFigure(r.caseload, r.status),
    latest: r.period === latest,
  }));
  const domain = PROGRAMS.map((p) => PROGRAM_LABELS[p] ?? p);
  // Colour and dashes both tell the programs apart (one merged legend), plus direct labels.
  const program = { field: 'program', type: 'nominal', title: 'Program' } as const;
  const spec = {
    title: chartTitle(summary.message, summary.subtitle, width),
    description: summary.description,
    height: 320,
    data: { values },
    encoding: {
      x: {
        field: 'month',
        type: 'temporal',
        timeUnit: 'utcyearmonth',
        title: null,
        axis: {
          format: '%b %Y',
          labelAngle: 0,
          labelOverlap: 'greedy',
          tickCount: Math.max(2, Math.min(8, Math.floor(width / 120))),
        },
      },
      y: { field: 'caseload', type: 'quantitative', title: 'Cases in receipt', axis: { format: ',d' } },
      color: {
        ...program,
        scale: { domain, range: [SCHEME.OW, SCHEME.ODSP, SCHEME.ALL] },
        legend: {
          orient: 'top',
          direction: 'horizontal',
          columns: width < 520 ? 1 : 3,
          symbolType: 'stroke',
          symbolSize: 300,
        },
      },
    },
    layer: [
      {
        // Suppressed months break the line rather than joining across them.
        mark: { type: 'line', point: true, strokeWidth: 2, invalid: 'break-paths-show-path-domains' },
        encoding: {
          strokeDash: {
            ...program,
            scale: {
              domain,
              range: [
                [6, 3],
                [2, 2],
                [1, 0],
              ],
            },
          },
          tooltip: [
            { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', format: '%B %Y' },
            { field: 'program', title: 'Program' },
            { field: 'shown', title: 'Cases in receipt' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.latest && isValid(datum.caseload)' }],
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
        encoding: { text: { field: 'program' } },
      },
    ],
  } as TopLevelSpec;
  return vegaLite(spec, { width });
}

export function caseloadTrendTable(rows: readonly ProvinceRow[]): HTMLTableElement {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const cell = (period: string, program: string) =>
    rows.find((r) => r.period === period && r.program === program);
  return tableView(
    periods,
    [
      { label: 'Month', text: (p) => monthName(p), rowHeader: true },
      ...PROGRAMS.map((program) => ({
        label: PROGRAM_LABELS[program] ?? program,
        numeric: true,
        text: (p: string) => {
          const r = cell(p, program);
          return r ? formatFigure(r.caseload, r.status) : 'no data';
        },
        status: (p: string) => cell(p, program)?.status ?? 'no_data',
      })),
    ],
    'Cases in receipt of assistance in Ontario, by program and month',
  );
}

// ---- latest month's caseload by service manager ----

interface ManagerLine {
  code: string;
  name: string;
  region: string;
  type: string;
  OW: ManagerRow | undefined;
  ODSP: ManagerRow | undefined;
  ALL: ManagerRow | undefined;
}

/** One line per manager, largest all-programs caseload first; suppressed and no data last, by name. */
export function managerLines(rows: readonly ManagerRow[]): ManagerLine[] {
  const byCode = new Map<string, ManagerLine>();
  for (const r of rows) {
    let line = byCode.get(r.code);
    if (!line) {
      line = {
        code: r.code,
        name: r.name,
        region: r.region,
        type: r.type,
        OW: undefined,
        ODSP: undefined,
        ALL: undefined,
      };
      byCode.set(r.code, line);
    }
    if (r.program === 'OW' || r.program === 'ODSP' || r.program === 'ALL') line[r.program] = r;
  }
  return [...byCode.values()].sort(
    (a, b) => (b.ALL?.caseload ?? -1) - (a.ALL?.caseload ?? -1) || a.name.localeCompare(b.name, 'en-CA'),
  );
}

export function summarizeManagers(
  rows: readonly ManagerRow[],
  province: readonly ProvinceRow[],
): TrendSummary {
  const lines = managerLines(rows);
  const period = rows[0]?.period ?? '';
  const subtitle = `Cases in receipt of assistance by service manager, both programs, ${period ? monthName(period) : ''}`;
  const shown = lines.filter((l) => l.ALL?.caseload != null);
  const suppressed = lines.filter((l) => l.ALL?.status === 'suppressed').length;
  const missing = lines.length - shown.length - suppressed;
  const top = shown[0];
  const bottom = shown[shown.length - 1];
  const provinceAll = provinceValue(province, period, 'ALL');
  let message = `Caseload by service manager, ${monthName(period)}`;
  const parts: string[] = [];
  if (top?.ALL?.caseload != null) {
    const share = provinceAll ? (100 * top.ALL.caseload) / provinceAll : null;
    message =
      share === null
        ? `${top.name} has the largest caseload`
        : `${top.name} has the largest caseload: ${formatPercent(share, 0)} of Ontario’s`;
    parts.push(
      `In ${monthName(period)}, ${top.name} had the most cases in receipt (${formatCount(top.ALL.caseload)})` +
        (bottom && bottom !== top && bottom.ALL?.caseload != null
          ? ` and ${bottom.name} the fewest among published figures (${formatCount(bottom.ALL.caseload)}).`
          : '.'),
    );
  }
  parts.push(` ${shown.length} of the ${lines.length} service managers have a published figure`);
  const notes = [];
  if (suppressed)
    notes.push(
      `${suppressed} ${suppressed === 1 ? 'is' : 'are'} suppressed because fewer than 10 cases are involved`,
    );
  if (missing) notes.push(`${missing} ${missing === 1 ? 'has' : 'have'} no data for the month`);
  parts.push(notes.length ? `; ${notes.join(' and ')}.` : '.');
  parts.push(' Figures are rounded to the nearest 5.');
  return { message, subtitle, description: parts.join('') };
}

export function caseloadByManagerChart(
  rows: readonly ManagerRow[],
  summary: TrendSummary,
  { width }: { width: number },
) {
  const lines = managerLines(rows);
  const values = lines.map((l) => ({
    name: l.name,
    code: l.code,
    region: l.region,
    caseload: l.ALL?.caseload ?? null,
    shown: l.ALL ? formatFigure(l.ALL.caseload, l.ALL.status) : 'no data',
  }));
  const y = {
    field: 'name',
    type: 'nominal',
    title: null,
    scale: { domain: values.map((v) => v.name) },
    axis: { labelLimit: Math.min(320, Math.max(140, width * 0.35)), labelFontSize: 11 },
  } as const;
  const tooltip = [
    { field: 'name', title: 'Service manager' },
    { field: 'region', title: 'Region' },
    { field: 'shown', title: 'Cases in receipt' },
  ];
  const spec = {
    title: chartTitle(summary.message, summary.subtitle, width),
    description: summary.description,
    // A fixed height (17 px a manager) rather than {step}, which vega-lite's fit-x autosize warns about.
    height: values.length * 17,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.caseload)' }],
        mark: { type: 'bar', color: SCHEME.bar },
        encoding: {
          y,
          x: {
            field: 'caseload',
            type: 'quantitative',
            title: 'Cases in receipt (both programs)',
            axis: { format: ',d', orient: 'top' },
          },
          tooltip,
        },
      },
      {
        // Suppressed and missing figures are written out, never drawn as a zero-length bar.
        transform: [{ filter: '!isValid(datum.caseload)' }],
        mark: { type: 'text', align: 'left', dx: 4, fontStyle: 'italic', color: SCHEME.muted, fontSize: 11 },
        encoding: { y, x: { datum: 0, type: 'quantitative' }, text: { field: 'shown' }, tooltip },
      },
    ],
  } as TopLevelSpec;
  return vegaLite(spec, { width });
}

export function caseloadByManagerTable(rows: readonly ManagerRow[]): HTMLTableElement {
  const period = rows[0]?.period ?? '';
  const program = (p: 'OW' | 'ODSP' | 'ALL') => ({
    label: PROGRAM_LABELS[p] ?? p,
    numeric: true,
    text: (l: ManagerLine) => {
      const r = l[p];
      return r ? formatFigure(r.caseload, r.status) : 'no data';
    },
    status: (l: ManagerLine) => l[p]?.status ?? 'no_data',
  });
  return tableView(
    managerLines(rows),
    [
      { label: 'Service manager', text: (l) => l.name, rowHeader: true },
      { label: 'Code', text: (l) => l.code },
      { label: 'Region', text: (l) => l.region },
      program('OW'),
      program('ODSP'),
      program('ALL'),
    ],
    `Cases in receipt of assistance by service manager and program, ${period ? monthName(period) : ''}`,
  );
}
