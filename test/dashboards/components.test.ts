// The dashboards' pure pieces: how figures read in both languages (never 0 for a figure not published),
// changes on the year, the site map, the loaders' cuts of the public measures (lib/slices.ts), which
// fiscal years the funding pages show, and a figure's CSV download.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changeOnYear,
  comparePeers,
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
import { changeSentence } from '../../dashboards/src/components/whats-new.ts';
import { summarizeChanges } from '../../dashboards/lib/changes.ts';
import {
  describeChange,
  formatChange,
  formatFigure,
  withUnit,
} from '../../dashboards/src/components/format.ts';
import {
  BREAKDOWN_COLUMNS,
  BREAKDOWN_NAMES,
  byBreakdown,
  formatMoney,
  formatMonth,
  formatPercent,
} from '../../dashboards/src/components/i18n.ts';
import {
  CHANNELS,
  DOMAINS,
  PAYMENT_TYPES,
  REFERRAL_TYPES,
  RISK_TIERS,
} from '../../pipelines/extracts/contract.ts';
import { allPaths, pageAt } from '../../dashboards/src/components/site.ts';
import { managerInfos, peersOf, PublicMeasures } from '../../dashboards/lib/slices.ts';
import type { MeasureRow } from '../../dashboards/lib/public.ts';
import { MEASURES } from '../../pipelines/measures/registry.ts';
import { QUALITY_TEXT } from '../../dashboards/src/components/strings/quality.ts';
import { METHODOLOGY_TEXT } from '../../dashboards/src/components/strings/methodology.ts';
import { parameterValue } from '../../dashboards/src/components/methodology.ts';
import { PARAMETER_NAMES } from '../../pipelines/funding/parameters.ts';

const rate = { kind: 'rate', money: false } as const;
const count = { kind: 'count', money: false } as const;
const total = { kind: 'total', money: true } as const;

describe('formatFigure', () => {
  it('writes out a figure that is not published, never 0', () => {
    expect(formatFigure(count, { value: null, status: 'suppressed' }, 'en')).toBe('suppressed');
    expect(formatFigure(count, { value: null, status: 'suppressed' }, 'fr')).toBe('supprimé');
    expect(formatFigure(rate, { value: null, status: 'pending' }, 'en')).toBe('pending');
    // A rate's month without a row is a month whose group is empty (measures.md: such rows may be omitted);
    // a count is published for every month, 0 included, so a count's month without a row has no data.
    expect(formatFigure(rate, { value: null, status: null }, 'fr')).toBe('personne dans le groupe');
    expect(formatFigure(rate, { value: null, status: 'no_data' }, 'en')).toBe('no one in the group');
    expect(formatFigure(count, { value: null, status: null }, 'fr')).toBe('aucune donnée');
    expect(formatFigure(count, { value: 0, status: 'ok' }, 'en')).toBe('0');
    // A measure that names its group says so in its words.
    const exits = {
      ...rate,
      nobody: { en: 'no cases closed this month', fr: 'aucun dossier fermé ce mois-ci' },
    };
    expect(formatFigure(exits, { value: null, status: 'no_data' }, 'en')).toBe('no cases closed this month');
    expect(formatFigure(exits, { value: null, status: null }, 'fr')).toBe('aucun dossier fermé ce mois-ci');
    expect(formatFigure(exits, { value: null, status: 'suppressed' }, 'en')).toBe('suppressed');
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

  it('names the unit of a small multiple’s axis in its title', () => {
    expect(withUnit(rate, 'Exits to employment')).toBe('Exits to employment (%)');
    expect(withUnit(total, 'Assistance paid')).toBe('Assistance paid ($)');
    expect(withUnit(count, 'Caseload')).toBe('Caseload');
  });

  it('shows a measure with the precision it has, not its kind’s: whole days, whole dollars', () => {
    const infoOf = (id: string) => new PublicMeasures([]).info(MEASURES.find((m) => m.id === id)!);
    // A mean of days: 813.79 days reads 814 days; a mean of dollars reads whole dollars.
    expect(formatFigure(infoOf('avg_days_to_employment_exit'), { value: 813.79, status: 'ok' }, 'en')).toBe(
      '814',
    );
    expect(formatFigure(infoOf('avg_monthly_earnings'), { value: 1234.56, status: 'ok' }, 'en')).toBe(
      '$1,235',
    );
    // A mean change of a 1–5 score keeps the mean's 2 decimals.
    expect(formatFigure(infoOf('avg_score_change'), { value: 0.4212, status: 'ok' }, 'en')).toBe('0.42');
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

describe('comparePeers', () => {
  const ok = (value: number, denominator: number | null = 50) => ({
    value,
    denominator,
    status: 'ok' as const,
  });
  const suppressed = { value: null, denominator: null, status: 'suppressed' as const };
  const pending = { value: null, denominator: null, status: 'pending' as const };
  const up = { kind: 'rate', better: 'up' } as const;

  it('ranks among the manager and its peers with a comparable figure, and says how many the median is of', () => {
    // Comparable peers: 20 (of 50), 100 (of 10: a group of exactly 10 counts), 30 (of 40); the suppressed and
    // pending ones do not. Median of 20, 30, 100 = 30. Own 25: 30 and 100 are ahead, so 3rd of 4.
    expect(comparePeers(up, ok(25, 80), [ok(20), ok(100, 10), suppressed, ok(30, 40), pending])).toEqual({
      median: 30,
      medianOf: 3,
      rank: 3,
      rankOf: 4,
      tiedWith: 0,
    });
  });

  it('needs at least 3 peers with a comparable figure: never "1 of 1"', () => {
    expect(comparePeers(up, ok(25), [suppressed, suppressed, pending])).toEqual({ unavailable: 'too_few' });
    // A figure about fewer than 10 people (100 % of 5) is not compared; 2 peers are left.
    expect(comparePeers(up, ok(25), [ok(100, 5), ok(20), ok(30)])).toEqual({ unavailable: 'too_few' });
  });

  it('does not compare counts or dollar totals with peers: they grow with size', () => {
    const peers = [ok(115, null), ok(90, null), ok(140, null)];
    expect(comparePeers({ kind: 'count', better: 'neither' }, ok(38000, null), peers)).toEqual({
      unavailable: 'size',
    });
    expect(comparePeers({ kind: 'total', better: 'neither' }, ok(9e6), peers)).toEqual({
      unavailable: 'size',
    });
  });

  it('ranks lower first where lower is better, ties sharing the better rank', () => {
    // Own 20 against 20, 10, 30: only 10 is better, so 2nd of 4, tied with one peer.
    expect(comparePeers({ kind: 'mean', better: 'down' }, ok(20), [ok(20), ok(10), ok(30)])).toMatchObject({
      median: 20,
      rank: 2,
      rankOf: 4,
      tiedWith: 1,
    });
  });

  it('counts a tie with every peer (all at 0.0 %), which is no rank at all', () => {
    // Own 0 against five peers at 0: none is ahead, so "1 of 6", but tied with all five.
    expect(comparePeers(up, ok(0), [ok(0), ok(0), ok(0), ok(0), ok(0)])).toEqual({
      median: 0,
      medianOf: 5,
      rank: 1,
      rankOf: 6,
      tiedWith: 5,
    });
  });

  it('gives the median but no rank when no direction is better or the manager’s own figure is not published', () => {
    const peers = [ok(10), ok(20), ok(30), ok(40)];
    expect(comparePeers({ kind: 'rate', better: 'neither' }, ok(25), peers)).toMatchObject({
      median: 25,
      medianOf: 4,
      rank: null,
    });
    expect(comparePeers(up, suppressed, peers)).toMatchObject({ median: 25, rank: null });
  });
});

describe('French for every breakdown', () => {
  it('names every breakdown column of the registry and every value it can take, in both languages', () => {
    const columns = [...new Set(MEASURES.flatMap((m) => (m.breakdown ? [m.breakdown] : [])))];
    for (const c of columns) expect(BREAKDOWN_COLUMNS[c], c).toBeDefined();
    expect(byBreakdown('risk_tier', 'fr')).toBe('par niveau de risque');
    expect(byBreakdown('referral_type', 'fr')).toBe('par type d’aiguillage');
    const values = [...CHANNELS, ...REFERRAL_TYPES, ...RISK_TIERS, ...PAYMENT_TYPES, ...DOMAINS];
    for (const v of values) {
      expect(BREAKDOWN_NAMES[v], v).toBeDefined();
      expect(BREAKDOWN_NAMES[v]?.fr, v).not.toBe(BREAKDOWN_NAMES[v]?.en);
    }
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

  it('reads a count’s breakdown value without a row as 0 where the month has its ALL row (measures.md)', () => {
    const rows = (measure: string): MeasureRow[] => [
      { ...row('2025-01', 'ON', 'ok', 5), measure_id: measure },
      { ...row('2025-02', 'ON', 'ok', 7), measure_id: measure },
      { ...row('2025-01', 'ON', 'ok', 5), measure_id: measure, breakdown: 'ONLINE' },
    ];
    // ONLINE has a row in January only; February has its ALL row, so ONLINE had nothing: a real 0.
    const index = new SeriesIndex(
      new PublicMeasures([...rows('c'), ...rows('r')]).series(['c', 'r'], () => true),
    );
    expect(index.breakdownFigure({ id: 'c', kind: 'count' }, 'ON', 'ONLINE', '2025-01')).toEqual({
      value: 5,
      status: 'ok',
    });
    expect(index.breakdownFigure({ id: 'c', kind: 'count' }, 'ON', 'ONLINE', '2025-02')).toEqual({
      value: 0,
      status: 'ok',
    });
    // Not for a rate (an omitted row is an empty group), nor where the month has no ALL row either.
    expect(index.breakdownFigure({ id: 'r', kind: 'rate' }, 'ON', 'ONLINE', '2025-02').status).toBeNull();
    expect(index.breakdownFigure({ id: 'c', kind: 'count' }, 'TOR', 'ONLINE', '2025-02').status).toBeNull();
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
      definition: { en: '', fr: '' },
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

  it('names each manager in both languages, the English name standing in where there is no French form', () => {
    expect(managers.find((m) => m.code === 'TOR')?.name).toEqual({
      en: 'City of Toronto',
      fr: 'Ville de Toronto',
    });
    expect(managers.find((m) => m.code === 'SUD')?.name.fr).toBe('Ville du Grand Sudbury');
    for (const m of managers) expect(m.name.fr, m.code).not.toBe('');
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

describe('the data quality page’s words', () => {
  it('names every check in words in both languages, not by its identifier', () => {
    const checks = readdirSync(join(import.meta.dirname, '..', '..', 'models', 'checks'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.slice(0, -'.sql'.length));
    expect(checks.length).toBeGreaterThan(10);
    for (const name of checks) {
      const en = QUALITY_TEXT.en.checkTitles[name];
      const fr = QUALITY_TEXT.fr.checkTitles[name];
      expect(en, name).toMatch(/^[A-Z].* .*[^.]$/);
      expect(fr, name).toBeTruthy();
      expect(fr, name).not.toBe(en);
      expect(en, name).not.toContain('_');
    }
    // A failed check says what failing means, not only "FAILED".
    expect(QUALITY_TEXT.en.words.fail).toBe('failed: rows break the rule');
  });
});

describe('the funding parameters on the methodology page', () => {
  it('labels every parameter in both languages, with its unit', () => {
    for (const name of PARAMETER_NAMES) {
      expect(METHODOLOGY_TEXT.en.parameters[name]?.[0], name).toMatch(/^[A-Z]/);
      expect(METHODOLOGY_TEXT.fr.parameters[name]?.[0], name).not.toBe(
        METHODOLOGY_TEXT.en.parameters[name]?.[0],
      );
    }
  });

  it('writes each value with its unit, as a reader reads it', () => {
    expect(parameterValue(0.7, 'share', 'en')).toBe('70%');
    expect(parameterValue(0.05, 'share', 'fr')).toBe('5\u00a0%');
    expect(parameterValue(0.125, 'share', 'en')).toBe('12.5%');
    expect(parameterValue(600000000, 'money', 'en')).toBe('$600,000,000');
    expect(parameterValue(10, 'money', 'en')).toBe('$10');
    expect(parameterValue([90, 182, 365], 'days', 'en')).toBe('90, 182, 365 days');
    expect(parameterValue(1.5, 'times', 'en')).toBe('× 1.5');
    expect(parameterValue(10, 'points', 'en')).toBe('10 points');
    expect(parameterValue(true, 'yesno', 'fr')).toBe('oui');
    expect(parameterValue(null, 'money', 'en')).toBe('—');
    expect(parameterValue('default.json', 'text', 'en')).toBe('default.json');
  });
});

describe('what changed since the last release, in words', () => {
  const rows = [
    ['measures.csv', 'revised', '2024-02', 'TOR'],
    ['measures.csv', 'new', '2024-03', 'ON'],
    ['measures.csv', 'revised', '2023-12', 'ON'],
    ['measures.csv', 'new', '2024-03', 'HAM'],
    ['funding.csv', 'new', '2024-25', 'TOR'],
    ['measures.csv', 'revised', '2024-02', 'OTT'],
    ['measures.csv', 'suppressed', '2024-02', 'TOR'],
  ].map(([file, change, period, service_manager]) => ({
    file: file!,
    change: change!,
    period: period!,
    service_manager: service_manager!,
  }));
  const groups = summarizeChanges(rows);

  it('groups the figures by file and kind, in the order the page tells them, Ontario apart from the managers', () => {
    expect(groups).toEqual([
      {
        file: 'measures.csv',
        change: 'new',
        figures: 2,
        periods: ['2024-03'],
        managers: ['HAM'],
        ontario: true,
      },
      {
        file: 'measures.csv',
        change: 'revised',
        figures: 3,
        periods: ['2023-12', '2024-02'],
        managers: ['OTT', 'TOR'],
        ontario: true,
      },
      {
        file: 'measures.csv',
        change: 'suppressed',
        figures: 1,
        periods: ['2024-02'],
        managers: ['TOR'],
        ontario: false,
      },
      {
        file: 'funding.csv',
        change: 'new',
        figures: 1,
        periods: ['2024-25'],
        managers: ['TOR'],
        ontario: false,
      },
    ]);
  });

  it('says each group in a sentence, naming up to three managers, in both languages', () => {
    const data = {
      metadata: { as_of_month: '2024-03' },
      version: '2024-03+r2',
      since: { version: '2024-02+r1', created: '2024-03-05T12:00:00Z' },
      restated: [],
      groups,
      revised: [],
      revisedTotal: 3,
      titles: {},
      names: {
        OTT: { en: 'City of Ottawa', fr: 'Ville d’Ottawa' },
        TOR: { en: 'City of Toronto', fr: 'Ville de Toronto' },
        HAM: { en: 'City of Hamilton', fr: 'Ville de Hamilton' },
      },
    };
    const said = (lang: 'en' | 'fr') => groups.map((g) => changeSentence(g, data, lang).replace(/\s/g, ' '));
    expect(said('en')).toEqual([
      'March 2024 added: 2 figures.',
      '3 figures for 2023 and 2024 revised after restated or corrected data, for City of Ottawa, City of Toronto and Ontario.',
      '1 figure newly suppressed (fewer than 10 people).',
      'Funding for 2024-25 fiscal year added: 1 figure.',
    ]);
    expect(said('fr')).toEqual([
      'Mars 2024 : 2 chiffres ajoutés.',
      '3 chiffres pour 2023 et 2024 révisés après des données corrigées, pour Ville d’Ottawa, Ville de Toronto et Ontario.',
      '1 chiffre nouvellement supprimé (moins de 10 personnes).',
      '1 chiffre de financement ajouté (exercice 2024-2025).',
    ]);
  });
});
