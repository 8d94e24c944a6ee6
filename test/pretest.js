#!/usr/bin/env node
// Runs before `npm test`: makes sure what the tests need is here, and says exactly what to do when it is not.
// Nothing is skipped silently: a missing requirement stops the test run here with the command to fix it.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

const problems = [];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  problems.push(`Node ${process.versions.node} is too old: install Node 20.19 or later.`);
}
try {
  execSync('git --version', { stdio: 'ignore' });
} catch {
  problems.push('git is missing: apt-get install -y git');
}

// The scheduler's tests create and drop databases of their own through this admin connection.
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const START = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

async function reachable() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return e.message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let pgError = await reachable();
const { hostname, port } = new URL(adminUrl);
// The machine's own cluster, the one `pg_ctlcluster` starts.
const local = ['127.0.0.1', 'localhost'].includes(hostname) && ['', '5432'].includes(port);
if (pgError && local && process.getuid?.() === 0 && existsSync('/etc/postgresql')) {
  const version = readdirSync('/etc/postgresql')[0];
  console.error(`PostgreSQL is not answering (${pgError}); starting it: ${START}`);
  try {
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
  } catch {
    // Reported below if it still does not answer.
  }
  for (let i = 0; i < 30 && (pgError = await reachable()); i++) await new Promise((r) => setTimeout(r, 500));
}
if (pgError) {
  problems.push(
    `PostgreSQL is not reachable at ${adminUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')} (${pgError}): ` +
      (local
        ? `start it, as root: ${START}`
        : 'start it, or point DATABASE_URL at a PostgreSQL you may create databases on'),
  );
}

// The browser tests drive Debian's chromium (test/dashboards/); never a downloaded playwright browser.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.error(
      `${CHROMIUM} is missing: installing it for the browser tests (apt-get install -y chromium)…`,
    );
    try {
      execSync('apt-get install -y chromium', { stdio: 'inherit' });
    } catch {
      // A fresh machine may have no package lists yet.
      execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', shell: '/bin/sh' });
    }
  } else {
    problems.push(`${CHROMIUM} is missing (the browser tests need it): sudo apt-get install -y chromium`);
  }
}
if (problems.length) {
  console.error('Tests cannot run yet:\n' + problems.map((p) => `  - ${p}`).join('\n'));
  process.exit(1);
}
