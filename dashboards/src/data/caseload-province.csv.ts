// caseload-province.csv: one row per month and program (OW, ODSP, ALL) for the province (ON),
// every month in the public measures. Suppressed rows keep their status and an empty caseload.
import { csvFormat } from 'd3-dsv';
import { readMeasureRows, runLoader } from '../../lib/public.ts';

const PROGRAMS = ['OW', 'ODSP', 'ALL'];

runLoader('caseload-province.csv', () => {
  const rows = readMeasureRows('caseload')
    .filter((r) => r.service_manager === 'ON' && r.breakdown === 'ALL' && PROGRAMS.includes(r.program))
    .sort(
      (a, b) => a.period.localeCompare(b.period) || PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program),
    )
    .map((r) => ({ period: r.period, program: r.program, caseload: r.value ?? '', status: r.status }));
  if (rows.length === 0) throw new Error('measures.csv has no caseload rows for ON');
  return `${csvFormat(rows, ['period', 'program', 'caseload', 'status'])}\n`;
});
