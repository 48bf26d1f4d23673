// The extension's build replaces re2js with lib/data/firebase/re2js-stub.ts (wxt.config.ts). That is
// safe only while Firestore's browser build calls re2js nowhere but inside the try blocks of its
// Pipelines expression evaluators; this checks the installed Firestore still does, so a Firebase
// upgrade that uses it elsewhere fails here instead of in someone's panel.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RE2JS } from '../../lib/data/firebase/re2js-stub';

const firestoreDist = dirname(createRequire(import.meta.url).resolve('@firebase/firestore/package.json')) + '/dist';

describe('re2js left out of the extension build', () => {
  it('refuses to compile, saying why', () => {
    expect(() => RE2JS.compile('a.*b')).toThrow(/not bundled with Prikbord/);
  });

  it("is used by Firestore's browser build only as RE2JS.compile inside a try block", () => {
    const files = readdirSync(firestoreDist).filter((f) => f.endsWith('.esm.js'));
    const uses: string[] = [];
    for (const file of files) {
      const code = readFileSync(join(firestoreDist, file), 'utf8');
      for (const match of code.matchAll(/RE2JS\b/g)) {
        const at = match.index;
        const line = code.slice(code.lastIndexOf('\n', at) + 1, code.indexOf('\n', at));
        if (/^import\b/.test(line.trim())) continue;
        uses.push(file);
        expect(code.slice(at, at + 14), `${file}: ${line.trim()}`).toBe('RE2JS.compile(');
        // Inside a try: its nearest `try {` before the call comes after the nearest `catch`.
        const before = code.slice(Math.max(0, at - 2000), at);
        expect(before.lastIndexOf('try {'), `${file}: ${line.trim()}`).toBeGreaterThan(before.lastIndexOf('catch'));
      }
    }
    // The check above ran on something: Firestore does use it (else drop the alias).
    expect(uses.length).toBeGreaterThan(0);
  });
});
