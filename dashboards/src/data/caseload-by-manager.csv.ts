// caseload-by-manager.csv: the as-of month's caseload of every one of the 47 service managers,
// one row per manager and program (OW, ODSP, ALL), with names from data/reference.
// A manager without a row for the month is listed with status no_data and an empty caseload.
import { csvFormat } from 'd3-dsv';
import { readMeasureRows, readMetadata, runLoader, serviceManagers } from '../../lib/public.ts';

const PROGRAMS = ['OW', 'ODSP', 'ALL'];

runLoader('caseload-by-manager.csv', () => {
  const month = readMetadata().as_of_month;
  const byKey = new Map(
    readMeasureRows('caseload')
      .filter((r) => r.period === month && r.breakdown === 'ALL')
      .map((r) => [`${r.service_manager}|${r.program}`, r]),
  );
  const managers = serviceManagers();
  if (managers.length !== 47)
    throw new Error(`expected the 47 service managers in data/reference, found ${managers.length}`);
  const rows = managers.flatMap((sm) =>
    PROGRAMS.map((program) => {
      const r = byKey.get(`${sm.code}|${program}`);
      return {
        period: month,
        code: sm.code,
        name: sm.name,
        type: sm.type,
        region: sm.region,
        program,
        caseload: r?.value ?? '',
        status: r?.status ?? 'no_data',
      };
    }),
  );
  return `${csvFormat(rows, ['period', 'code', 'name', 'type', 'region', 'program', 'caseload', 'status'])}\n`;
});
