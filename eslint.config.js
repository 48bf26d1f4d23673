// ESLint (flat config): typescript-eslint's recommended rules (not the type-checked set: `tsc --noEmit`
// already checks types, and lint stays fast on two cores), plus the layout's boundaries (README "Where things are")
// as rules a machine checks:
//   - import-x/no-restricted-paths: what a folder may import, files and packages alike, by the file the
//     import resolves to (relative paths, `@/` aliases, `export … from` and dynamic import() all count);
//   - import-x/no-cycle: no import cycles in lib/, components/, entrypoints/ (type-only imports excepted);
//   - no-restricted-imports (typescript-eslint's, for allowTypeImports): what no path can catch, Node
//     built-ins in extension code and lib/core/'s types-only use of lib/any/;
//   - no-restricted-globals: lib/core/ does not touch the extension APIs (chrome, browser).
// To see a boundary fire, add a bad import (say `import Dexie from 'dexie'` in entrypoints/content/) and
// run `npx eslint entrypoints/content`.
// Formatting is Prettier's (.prettierrc.json); eslint-config-prettier, last, turns off any rule that
// would fight it. `npm run lint` runs both; `npm test` runs it before the build (scripts/test.sh).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const RUNTIME = ['lib', 'components', 'entrypoints'];
const ROOT = import.meta.dirname;
const ENTRYPOINTS = readdirSync(`${ROOT}/entrypoints`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const TS_JS = '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

// ---- What a folder may import (import-x/no-restricted-paths) ------------------------------------------
// By the file an import resolves to (through tsconfig's paths), so relative paths, `@/` aliases,
// `export … from` and dynamic import() all count, and a package counts by its folder in node_modules/.
// `from` and `except` are paths from the repository root: an import that resolves into `from` and not into
// one of its `except` folders is reported with the zone's message.
const pkgs = (...names) => names.map((name) => `./node_modules/${name}`);
const SIDE_EFFECT_PACKAGES = pkgs(
  'dexie',
  'firebase',
  '@firebase',
  'preact',
  '@preact',
  'wxt',
  '@wxt-dev',
  'webextension-polyfill',
  '@types/webextension-polyfill',
);
const zones = [
  {
    target: './entrypoints/content',
    from: './',
    except: ['./entrypoints/content', './lib/any', ...pkgs('wxt')],
    message:
      'The content script runs in every intranet page: it may import only lib/any/, its own folder and wxt/* (keep it tiny: no Dexie, no Firebase, no Preact).',
  },
  {
    target: './lib/any',
    from: './',
    // demo/prikbord.org.json is what `#org-file` resolves to unless a build names another organisation file.
    except: ['./lib/any', './public/_locales', './demo/prikbord.org.json', ...pkgs('wxt')],
    message:
      'lib/any/ is loaded by every context, the content script included: it may import only lib/any/, the locale JSON in public/_locales/, the organisation file (#org-file) and wxt/* (no Dexie, no Firebase, no Preact).',
  },
  {
    target: './lib/core',
    from: './',
    except: ['./lib/core', './lib/any', './node_modules'],
    message:
      'lib/core/ is pure logic: it may import only lib/core/ (and types from lib/any/), so it runs and is tested anywhere, without a browser or a database.',
  },
  {
    target: './lib/core',
    from: SIDE_EFFECT_PACKAGES,
    message:
      'lib/core/ is pure logic: no package with side effects (Dexie, Firebase, Preact, WXT, the extension APIs). Code that needs one belongs in lib/data/ or components/.',
  },
  {
    target: './lib/data',
    from: './',
    except: ['./lib', './node_modules'],
    message:
      'lib/data/ may import only lib/any/, lib/core/ and lib/data/: never components/ or entrypoints/ (data code does not depend on the UI or on one context), nor scripts/, tests/ or demo/.',
  },
  {
    target: './components',
    from: './',
    except: ['./lib', './components', './node_modules'],
    message:
      'components/ may import only lib/ and components/: never an entrypoint (entrypoints compose components, not the other way round), nor scripts/, tests/ or demo/.',
  },
  {
    target: './components',
    from: pkgs('dexie', 'firebase', '@firebase'),
    message: 'components/ never use Dexie or Firebase directly: they go through lib/data/ (one place owns the database and the server).',
  },
  // Every entrypoint folder (background, sidepanel, and any added later; content has its own zone above).
  ...ENTRYPOINTS.filter((name) => name !== 'content').map((name) =>
    name === 'background'
      ? {
          target: './entrypoints/background',
          from: './',
          except: ['./entrypoints/background', './lib', './public/_locales', './node_modules'],
          message:
            'The background service worker has no DOM and is its own bundle: it may import only lib/ and its own folder, never components/ (Preact UI), another entrypoint, scripts/, tests/ or demo/.',
        }
      : {
          target: `./entrypoints/${name}`,
          from: './',
          except: [`./entrypoints/${name}`, './lib', './components', './public/_locales', './node_modules'],
          message: `Each entrypoint is its own bundle in its own context: entrypoints/${name}/ may import only lib/, components/ and its own folder, never another entrypoint (shared code belongs in lib/ or components/), scripts/, tests/ or demo/.`,
        },
  ),
  {
    // Every runtime file but the loader: the extglob keeps lib/any/org-config.ts out of the target.
    target: ['./lib/any/**/!(org-config).{ts,tsx}', './lib/core/**', './lib/data/**', './components/**', './entrypoints/**'],
    from: './lib/any/bundled-org-config.ts',
    message:
      'Runtime code reads the organisation config through loadOrgConfig() (lib/any/org-config.ts), never the bundled default directly: only the loader, wxt.config.ts, scripts/, tests/ and demo/ may import lib/any/bundled-org-config.ts.',
  },
];

// ---- Imports no path can catch (no-restricted-imports, typescript-eslint's for allowTypeImports) ---------
// Node built-ins resolve to no file; lib/core/'s types-only exception for lib/any/ is a matter of `import type`.
const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'Extension code runs in the browser: Node built-ins (node:*) are not there. Node-side code belongs in scripts/ or tests/.',
};
const LIB_ANY_VALUES = {
  // The lib/core zone lets lib/any/ through for its types; its values stay out (they touch the browser's APIs).
  regex: '^(\\.\\./)+any(/|$)|^[@~]{1,2}/lib/any(/|$)',
  allowTypeImports: true,
  message: 'lib/core/ may import only types from lib/any/ (`import type`): its values belong to the browser contexts.',
};

export default defineConfig(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'bench/',
      'functions/lib/',
      'functions/node_modules/',
      '.emu/',
      '.demo-profile/',
      // The demo intranet's own scripts are deliberately 2008-style (prototype patches, var, globals):
      // they are fixtures that the extension must survive, not code to tidy.
      'demo/intranet/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // As import-x's flatConfigs.typescript, minus its legacy resolver entry: without these, the rules
      // that read the imported files (no-cycle) skip every .ts/.tsx file.
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.jsx', '.cjs', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.json`, alwaysTryTypes: true })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding that is there on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },

  // ---- Globals per folder -----------------------------------------------------------------------------
  {
    files: [`entrypoints/**/${TS_JS}`, `components/**/${TS_JS}`, `lib/**/${TS_JS}`],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: [`entrypoints/background/**/${TS_JS}`],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.webextensions } },
  },
  {
    files: [`lib/core/**/${TS_JS}`],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser'].map((name) => ({
          name,
          message: 'lib/core/ is pure logic: no extension APIs (chrome.*, browser.*). Pass what it needs in as arguments, or put the code in lib/data/.',
        })),
      ],
    },
  },
  {
    files: [`scripts/**/${TS_JS}`, `tests/**/${TS_JS}`, `demo/**/${TS_JS}`, `functions/**/${TS_JS}`, `*.${TS_JS.slice(2)}`],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The server side is its own package (deployed alone): it may share only pure code (lib/core/) and
    // the organisation config with the extension, never browser code.
    files: [`functions/src/**/${TS_JS}`],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: './functions/src',
              from: ['./lib/data', './lib/any/i18n.ts', './lib/any/messages.ts', './components', './entrypoints', './scripts', './tests', './demo'],
              message:
                'functions/ runs on the server: it may import only lib/core/ and the organisation config (lib/any/bundled-org-config.ts, lib/any/org-config.ts types), never browser code.',
            },
          ],
        },
      ],
    },
  },

  // ---- Boundaries -------------------------------------------------------------------------------------
  {
    files: RUNTIME.map((folder) => `${folder}/**/${TS_JS}`),
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
      // A zone skips an import it cannot resolve: make that an error, so no import slips past the zones.
      // (#imports is WXT's virtual module.)
      'import-x/no-unresolved': ['error', { ignore: ['^#imports$'] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: RUNTIME.map((folder) => `${folder}/**/${TS_JS}`),
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NODE_BUILTINS] }],
    },
  },
  {
    files: [`lib/core/**/${TS_JS}`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NODE_BUILTINS, LIB_ANY_VALUES] }] },
  },

  prettier,
);
