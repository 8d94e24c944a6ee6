// SQL checks (models/checks/*.sql): a query returning offending rows; zero rows passes. A header line
// `-- severity: warning` makes a check advisory; every other check is blocking and stops publication.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { modelSql } from './runner.ts';
import type { Warehouse } from '../warehouse.ts';

export interface CheckResult {
  name: string;
  severity: 'blocking' | 'warning';
  description: string;
  failures: number;
  status: 'pass' | 'fail' | 'error';
  error?: string;
}

export async function runChecks(wh: Warehouse, modelsDir: string): Promise<CheckResult[]> {
  const dir = join(modelsDir, 'checks');
  if (!existsSync(dir)) return [];
  const results: CheckResult[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const name = basename(file, '.sql');
    const severity = /^--\s*severity:\s*warning/im.test(text) ? 'warning' : 'blocking';
    const description = (/^--\s*[\w-]+:\s*(.*)$/m.exec(text)?.[1] ?? '').trim();
    try {
      const failures = await wh.value<number>(`select count(*) from (${modelSql(text)})`);
      results.push({ name, severity, description, failures, status: failures === 0 ? 'pass' : 'fail' });
    } catch (e) {
      // A check that cannot run is a failed check: it proves nothing.
      const error = (e as Error).message.split('\n')[0];
      results.push({ name, severity, description, failures: 0, status: 'error', error });
    }
  }
  return results;
}

export const blockingFailures = (results: CheckResult[]): CheckResult[] =>
  results.filter((r) => r.severity === 'blocking' && r.status !== 'pass');
