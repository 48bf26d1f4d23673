// npm run build / npm run zip [-- --org FILE] [--edge]: builds (or zips, for Chrome and Edge) the
// extension for one organisation. The organisation file is checked first; a broken one stops here
// with every wrong key listed, before WXT runs.
import { spawnSync } from 'node:child_process';
import { signInRedirectLines } from './org/sign-in-redirect';
import { OrgFileError, orgFilePath, readOrgFile } from './org/org-file';

const args = process.argv.slice(2);
const zip = args.includes('--zip');
const file = orgFilePath(args);
try {
  const org = readOrgFile(file);
  console.log(`Building Prikbord for ${org.orgName} (${file})`);
  for (const line of signInRedirectLines(org.extension?.key)) console.log(`  ${line}`);
} catch (error) {
  console.error(error instanceof OrgFileError ? error.message : String(error));
  process.exit(1);
}

const env = { ...process.env, PRIKBORD_ORG: file };
const runs = zip ? [['zip'], ['zip', '-b', 'edge']] : [['build', ...(args.includes('--edge') ? ['-b', 'edge'] : [])]];
for (const run of runs) {
  const result = spawnSync('npx', ['wxt', ...run], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
