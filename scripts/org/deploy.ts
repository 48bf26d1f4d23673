// npm run deploy [-- --org FILE] [--dry-run]: deploys the security rules, the indexes and the
// functions to the organisation file's Firebase project with the Firebase CLI (signed in with
// `npx firebase login`, or GOOGLE_APPLICATION_CREDENTIALS). First the offline checks
// (npm run deploy:check) and the functions' parameters from the file; --dry-run stops before the CLI.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { OrgFileError, orgFilePath, takeOrgOption } from './org-file';
import { checkThisCheckout } from './deploy-check';
import { writeFunctionsEnv } from './functions-env';

const args = takeOrgOption(process.argv.slice(2));
try {
  const file = orgFilePath([], process.env);
  const envFile = writeFunctionsEnv(file);
  const { org, problems, notes } = checkThisCheckout();
  for (const note of notes) console.log(`  · ${note}`);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.error('Not deployed: fix the problems above (npm run deploy:check shows them again).');
    process.exit(1);
  }
  const command = [
    'firebase',
    'deploy',
    '--config',
    'firebase/firebase.json',
    '--project',
    org.firebase.projectId,
    '--only',
    'firestore:rules,firestore:indexes,functions',
  ];
  console.log(`Functions' parameters: ${envFile}`);
  console.log(`Deploying to ${org.firebase.projectId}: npx ${command.join(' ')}`);
  if (args.includes('--dry-run')) process.exit(0);
  const result = spawnSync('npx', command, { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
  process.exit(result.status ?? 1);
} catch (error) {
  console.error(error instanceof OrgFileError ? error.message : String(error));
  process.exit(1);
}
