#!/usr/bin/env node
// Runs before `npm test`: makes sure what the tests need is here, and says exactly what to do when it is not.
// Nothing is skipped silently: a missing requirement stops the test run here with the command to fix it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
