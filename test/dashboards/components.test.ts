// The dashboards' pure pieces: how figures read in both languages (never 0 for a figure not published),
// changes on the year, the site map, the loaders' cuts of the public measures (lib/slices.ts), which
// fiscal years the funding pages show, and a figure's CSV download.
import { describe, expect, it } from 'vitest';
import {
  changeOnYear,
  median,
  SeriesIndex,
  verdict,
  type MeasureInfo,
} from '../../dashboards/src/components/data.ts';
import {
  fundingYears,
  shownFundingRow,
  type FundingRow,
} from '../../dashboards/src/components/funding-data.ts';
import { csvText } from '../../dashboards/src/components/csv.ts';
import { describeChange, formatChange, formatFigure } from '../../dashboards/src/components/format.ts';
import { formatMoney, formatMonth, formatPercent } from '../../dashboards/src/components/i18n.ts';
import { allPaths, pageAt } from '../../dashboards/src/components/site.ts';
import { managerInfos, peersOf, PublicMeasures } from '../../dashboards/lib/slices.ts';
import type { MeasureRow } from '../../dashboards/lib/public.ts';

const rate = { kind: 'rate', money: false } as const;
const count = { kind: 'count', money: false } as const;
const total = { kind: 'total', money: true } as const;

describe('formatFigure', () => {
  it('writes out a figure that is not published, never 0', () => {
    expect(formatFigure(count, { value: null, status: 'suppressed' }, 'en')).toBe('suppressed');
    expect(formatFigure(count, { value: null, status: 'suppressed' }, 'fr')).toBe('supprimé');
    expect(formatFigure(rate, { value: null, status: 'pending' }, 'en')).toBe('pending');
    expect(formatFigure(rate, { value: null, status: null }, 'fr')).toBe('aucune donnée');
    expect(formatFigure(count, { value: 0, status: 'ok' }, 'en')).toBe('0');
  });

  it('formats by kind and language', () => {
    expect(formatFigure(count, { value: 12500, status: 'ok' }, 'en')).toBe('12,500');
    expect(formatFigure(count, { value: 12500, status: 'ok' }, 'fr')).toBe('12\u00a0500');
    expect(formatFigure(rate, { value: 12.5, status: 'ok' }, 'en')).toBe('12.5%');
    expect(formatFigure(rate, { value: 12.5, status: 'ok' }, 'fr')).toBe('12,5\u00a0%');
    expect(formatFigure(total, { value: 12300, status: 'ok' }, 'en')).toBe('$12,300');
    expect(formatFigure(total, { value: 12300, status: 'ok' }, 'fr')).toBe('12\u00a0300\u00a0$');
    expect(formatMoney(-5, 'en')).toBe('−$5');
    expect(formatPercent(3, 'fr', 0)).toBe('3\u00a0%');
    expect(formatMonth('2025-03', 'en')).toBe('March 2025');
    expect(formatMonth('2025-03', 'fr')).toBe('mars 2025');
  });
});

describe('changeOnYear', () => {
  const ok = (value: number) => ({ value, status: 'ok' as const });

  it('is a difference in points for rates and a relative change otherwise', () => {
    expect(changeOnYear('rate', ok(12.5), ok(10), '2024-03')).toEqual({
      unit: 'points',
      amount: 2.5,
      since: '2024-03',
    });
    expect(changeOnYear('count', ok(110), ok(100), '2024-03')).toMatchObject({ unit: 'percent' });
    expect(changeOnYear('count', ok(110), ok(100), '2024-03')?.amount).toBeCloseTo(10);
    expect(formatChange(changeOnYear('rate', ok(12.5), ok(10), '2024-03'), 'en')).toBe('+2.5 points');
    expect(formatChange(changeOnYear('count', ok(90), ok(100), '2024-03'), 'fr')).toBe('−10,0\u00a0%');
    expect(describeChange(changeOnYear('count', ok(90), ok(100), '2024-03'), 'en')).toBe(
      'down 10.0% since March 2024',
    );
  });

  it('has no value when either figure is not published', () => {
    expect(changeOnYear('rate', ok(12.5), { value: null, status: 'suppressed' }, '2024-03')).toBeNull();
    expect(changeOnYear('count', ok(12), ok(0), '2024-03')).toBeNull();
    expect(describeChange(null, 'en')).toBe('no comparison with a year earlier');
  });

  it('says whether a change is better or worse from the measure’s better direction', () => {
    const up = { unit: 'points', amount: 2, since: '2024-03' } as const;
    expect(verdict('up', up)).toBe('better');
    expect(verdict('down', up)).toBe('worse');
    expect(verdict('neither', up)).toBeNull();
    expect(verdict('up', { ...up, amount: 0.01 })).toBeNull();
  });
});

describe('median', () => {
  it('is the middle published value, or the mean of the two middle ones', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});

describe('the site map', () => {
  it('names the page of every path in both languages', () => {
    expect(pageAt('/en/')?.page?.title.en).toBe('Province overview');
    expect(pageAt('/fr/managers/TOR')).toEqual({ lang: 'fr', page: null, code: 'TOR' });
    expect(pageAt('/fr/managers/index')?.page?.slug).toBe('managers/');
    expect(pageAt('/')).toBeNull();
    const paths = allPaths('fr', ['TOR', 'RRD']);
    expect(paths).toContain('/fr/compare');
    expect(paths).toContain('/fr/managers/RRD');
    for (const p of paths) expect(pageAt(p), p).not.toBeNull();
  });
});

describe('PublicMeasures', () => {
  const row = (
    period: string,
    geo: string,
    status: MeasureRow['status'],
    value: number | null,
  ): MeasureRow => ({
    measure_id: 'm',
    period,
    service_manager: geo,
    program: 'ALL',
    breakdown: 'ALL',
    numerator: value,
    denominator: null,
    value,
    status,
  });
  const measures = new PublicMeasures([
    row('2025-01', 'ON', 'ok', 100),
    row('2025-02', 'ON', 'ok', 110),
    row('2025-03', 'ON', 'pending', null),
    row('2025-02', 'TOR', 'suppressed', null),
  ]);

  it('takes the latest final month as the reference month (a pending one is not final)', () => {
    expect(measures.latest('m')).toBe('2025-02');
    expect(measures.latest('unknown')).toBeNull();
  });

  it('cuts series over the whole period range, one status letter a month', () => {
    const set = measures.series(['m'], () => true);
    expect(set.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    const index = new SeriesIndex(set);
    expect(index.get('m', 'ON')).toMatchObject({ value: [100, 110, null], status: 'oop' });
    expect(index.get('m', 'TOR')).toMatchObject({ value: [null, null, null], status: '-s-' });
    expect(index.figure(index.get('m', 'TOR'), '2025-02')).toEqual({ value: null, status: 'suppressed' });
    expect(index.figure(index.get('m', 'TOR'), '2025-01')).toEqual({ value: null, status: null });
  });

  it('gives the measure info its reference month', () => {
    const info: MeasureInfo = measures.info({
      id: 'm',
      mart: 'mart_m',
      group: 'caseload',
      kind: 'count',
      title: { en: 'M', fr: 'M' },
      description: { en: '', fr: '' },
      definition: '',
      better: 'neither',
      breakdown: null,
      moneyNumerator: false,
      cohortDays: null,
      caveats: { en: '', fr: '' },
    });
    expect(info.latest).toBe('2025-02');
  });
});

describe('peersOf', () => {
  const managers = managerInfos();

  it('is the managers of the same type in the same region', () => {
    const peers = peersOf('RRD', managers);
    expect(peers).toHaveLength(9);
    for (const code of peers)
      expect(managers.find((m) => m.code === code)).toMatchObject({ type: 'DSSAB', region: 'North' });
  });

  it('falls back to the same type when a manager is alone in its region', () => {
    expect(peersOf('TOR', managers)).toHaveLength(managers.filter((m) => m.type === 'CMSM').length - 1);
  });

  it('knows each manager’s Employment Services catchment', () => {
    expect(managers.find((m) => m.code === 'HAM')).toMatchObject({
      phase: 'prototype',
      estStart: '2021-01-01',
    });
    expect(managers.find((m) => m.code === 'TOR')).toMatchObject({ phase: 'phase 3', estStart: null });
  });
});

describe('fundingYears', () => {
  const row = (fy: string, component: string, status: string): FundingRow => [
    fy,
    'TOR',
    'OW',
    component,
    100,
    status,
  ];

  // Allocations of 2024-25 (from 2023-24, complete) and 2025-26 (from 2024-25, provisional): the latest
  // complete allocation is 2024-25, so the latest complete year is the one before it, 2023-24.
  it('is the reference year of the latest complete allocation, and that allocation', () => {
    const rows = [
      row('2023-24', 'assistance_total', 'complete'),
      row('2024-25', 'pdf_allocation', 'complete'),
      row('2024-25', 'assistance_total', 'provisional'),
      row('2025-26', 'pdf_allocation', 'provisional'),
    ];
    expect(fundingYears(rows)).toEqual({ complete: '2023-24', allocation: '2024-25' });
    // across a century: the year before 2000-01 is 1999-00
    expect(fundingYears([row('2000-01', 'pdf_allocation', 'complete')])).toEqual({
      complete: '1999-00',
      allocation: '2000-01',
    });
  });

  it('is null when no fiscal year is complete yet', () => {
    expect(fundingYears([])).toBeNull();
    expect(
      fundingYears([
        row('2023-24', 'assistance_total', 'provisional'),
        row('2024-25', 'pdf_allocation', 'provisional'),
      ]),
    ).toBeNull();
  });

  // The page shows 2023-24's cost sharing and outcome payments and the 2024-25 allocation, not an older
  // allocation (2023-24's, from 2022-23) nor the actuals of the allocation's own year.
  it('shows the complete year’s actuals and the allocation computed from it', () => {
    const years = { complete: '2023-24', allocation: '2024-25' };
    expect(shownFundingRow(years, row('2023-24', 'assistance_total', 'complete'))).toBe(true);
    expect(shownFundingRow(years, row('2023-24', 'outcome_payments', 'complete'))).toBe(true);
    expect(shownFundingRow(years, row('2024-25', 'pdf_allocation', 'complete'))).toBe(true);
    expect(shownFundingRow(years, row('2023-24', 'pdf_allocation', 'complete'))).toBe(false);
    expect(shownFundingRow(years, row('2024-25', 'outcome_payments', 'provisional'))).toBe(false);
  });
});

// A figure's table view and download come from the rows its chart draws (figure.ts): one CSV line per row,
// the columns in the order named.
describe('csvText', () => {
  const columns = {
    service_manager: (r: { code: string; amount: number | null }) => r.code,
    fiscal_year: () => '2023-24',
    amount: (r: { code: string; amount: number | null }) => r.amount,
  };

  it('writes one line per row, an amount not published as an empty cell', () => {
    const rows = [
      { code: 'TOR', amount: 1200.5 },
      { code: 'OTT', amount: null },
    ];
    expect(csvText(rows, columns)).toBe(
      'service_manager,fiscal_year,amount\nTOR,2023-24,1200.5\nOTT,2023-24,\n',
    );
  });

  it('quotes a value holding a comma, and writes the header alone for no rows', () => {
    expect(csvText([{ name: 'Toronto, City of' }], { name: (r) => r.name })).toBe(
      'name\n"Toronto, City of"\n',
    );
    expect(csvText([], columns)).toBe('service_manager,fiscal_year,amount\n');
  });
});
