// Adding a measure takes one registry entry and one SQL file. In a copy of the project, a made-up count —
// large_households_opened, the cases of three or more members opened in the month — gets exactly that: an
// entry in the copy's registry and a mart in the copy's models/. The copy's own command line runs the
// pipeline on a small delivery, and the copy's methodology data loader reads its public output. Nothing
// else names the measure: the rollup, the zero rows, the kind's value, the disclosure control and the
// methodology entry all come from the entry and the mart.
//
// The delivery, 2024-01: 13 cases of 3 members in Toronto (OW), 3 cases of 4 members in Ottawa (OW), and one
// Toronto case of 1 member (not counted). So, worked out by hand:
//   internal   TOR 13, OTT 3, ON 16 (OW, and the same for ALL); every other manager and ODSP a real 0
//   public     TOR 13 → 15 (nearest 5); OTT 3 is 1–9: suppressed; ON 16 → 15; 0 stays 0
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES_HEADER, PAYMENTS_HEADER, csv, tempDir, writeDelivery } from '../../helpers.ts';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '..', '..', '..');
const ID = 'large_households_opened';

const REGISTRY_ENTRY = `
  {
    id: '${ID}',
    mart: 'mart_${ID}',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Large households opened', fr: 'Grands ménages ouverts' },
    description: {
      en: 'Number of cases of three or more people opened in the month.',
      fr: 'Nombre de dossiers de trois personnes ou plus ouverts au cours du mois.',
    },
    definition: {
      en: 'cases with opened_on in m and members >= 3',
      fr: 'dossiers dont opened_on est au mois m et members >= 3',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: { en: 'A made-up measure.', fr: 'Une mesure inventée.' },
  },
`;

const MART_SQL = `-- mart_${ID}: one row per month, service manager and program: the cases of three or more
-- members opened in the month.
with final as (
    select '${ID}' as measure_id, months.month as period, cases.service_manager, cases.program,
        'ALL' as breakdown, count(*) as numerator
    from stg_cases as cases
    join int_period_months as months on months.month = strftime(cases.opened_on, '%Y-%m')
    where cases.members >= 3
    group by all
)

select * from final
`;

/** A copy of the project's code, models and reference data, sharing its node_modules. */
function copyProject(dir: string): void {
  for (const part of ['bin', 'pipelines', 'models', 'dashboards/lib', 'dashboards/src', 'data/reference']) {
    cpSync(join(REPO, part), join(dir, part), {
      recursive: true,
      filter: (src) => !src.includes('.observablehq'),
    });
  }
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
}

/** The made-up measure's rows of a measures.csv, keyed "manager program": "numerator,denominator,value,status". */
function rowsOf(file: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [measure, period, sm, program, breakdown, ...rest] = line.split(',');
    if (measure === ID) rows.set(`${period} ${sm} ${program} ${breakdown}`, rest.join(','));
  }
  return rows;
}

let internal: Map<string, string>;
let pub: Map<string, string>;
let methodology: { measures: { id: string; kind: string; published: boolean; latest: string | null }[] };

beforeAll(async () => {
  const root = tempDir('sa-new-measure-');
  const project = join(root, 'project');
  copyProject(project);

  // The one registry entry: appended to the copy's list of measures.
  const registry = join(project, 'pipelines', 'measures', 'registry.ts');
  const text = readFileSync(registry, 'utf8');
  const end = text.lastIndexOf('];');
  writeFileSync(registry, text.slice(0, end) + REGISTRY_ENTRY.trimStart() + text.slice(end));
  // The one SQL file.
  mkdirSync(join(project, 'models', 'marts', 'households'));
  writeFileSync(join(project, 'models', 'marts', 'households', `mart_${ID}.sql`), MART_SQL);

  const cases = [
    ...Array.from({ length: 13 }, (_, i) => `T${i},PT${i},OW,TOR,2024-01-05,,,COUPLE_WITH_CHILDREN,3,1980`),
    'T99,PT99,OW,TOR,2024-01-05,,,SINGLE,1,1980',
    ...Array.from({ length: 3 }, (_, i) => `O${i},PO${i},OW,OTT,2024-01-10,,,COUPLE_WITH_CHILDREN,4,1980`),
  ];
  writeDelivery(join(root, 'extracts'), '2024-01', {
    'cases.csv': csv(`${CASES_HEADER}\n${cases.join('\n')}`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      PA1,T0,2024-01,2024-01-01,SHELTER,390.00,`),
  });

  const out = join(root, 'out');
  await run(
    process.execPath,
    [
      join(project, 'bin', 'sa-outcomes.js'),
      '--warehouse',
      join(root, 'warehouse.duckdb'),
      'run',
      '--extracts',
      join(root, 'extracts'),
      '--out',
      out,
      '--no-site',
    ],
    { cwd: project },
  );
  internal = rowsOf(join(out, 'internal', 'measures.csv'));
  pub = rowsOf(join(out, 'public', 'measures.csv'));

  const loader = await run(
    process.execPath,
    [join(project, 'bin', 'run-ts.js'), join(project, 'dashboards', 'src', 'data', 'methodology.json.ts')],
    { cwd: project, env: { ...process.env, SA_PUBLIC_DIR: join(out, 'public') } },
  );
  methodology = JSON.parse(loader.stdout) as typeof methodology;
});

describe('a made-up count measure, added by one registry entry and one SQL file', () => {
  it('is in the internal measures.csv, exact, rolled up to ON and ALL, with real zeros', () => {
    expect(internal.get('2024-01 TOR OW ALL')).toBe('13,,13,ok');
    expect(internal.get('2024-01 TOR ALL ALL')).toBe('13,,13,ok');
    expect(internal.get('2024-01 OTT OW ALL')).toBe('3,,3,ok');
    expect(internal.get('2024-01 ON OW ALL')).toBe('16,,16,ok');
    expect(internal.get('2024-01 ON ALL ALL')).toBe('16,,16,ok');
    expect(internal.get('2024-01 TOR ODSP ALL')).toBe('0,,0,ok');
    expect(internal.get('2024-01 BRA OW ALL')).toBe('0,,0,ok');
    // 47 managers and ON, three programs, one month
    expect(internal.size).toBe(48 * 3);
  });

  it('is suppressed and rounded in the public measures.csv', () => {
    expect(pub.get('2024-01 TOR OW ALL')).toBe('15,,15,ok');
    expect(pub.get('2024-01 OTT OW ALL')).toBe(',,,suppressed');
    expect(pub.get('2024-01 OTT ALL ALL')).toBe(',,,suppressed');
    expect(pub.get('2024-01 ON OW ALL')).toBe('15,,15,ok');
    expect(pub.get('2024-01 BRA OW ALL')).toBe('0,,0,ok');
    expect(pub.size).toBe(48 * 3);
  });

  it('has its methodology entry, published, with its latest final month', () => {
    const entry = methodology.measures.find((m) => m.id === ID);
    expect(entry).toMatchObject({
      id: ID,
      kind: 'count',
      title: { en: 'Large households opened', fr: 'Grands ménages ouverts' },
      published: true,
      latest: '2024-01',
    });
  });
});
