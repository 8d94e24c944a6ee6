#!/usr/bin/env node
// Runs before `npm test`: makes sure what the tests need is here, and says exactly what to do when it is not.
// Nothing is skipped silently: a missing requirement stops the test run here with the command to fix it.
import { execSync } from 'node:child_process';

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
if (problems.length) {
  console.error('Tests cannot run yet:\n' + problems.map((p) => `  - ${p}`).join('\n'));
  process.exit(1);
}
