// Stands in for the `re2js` package in the extension's build (wxt.config.ts, resolve.alias).
//
// Firestore (firebase 12) imports re2js, a port of the RE2 regular-expression engine, only to
// evaluate the regex and LIKE expressions of Firestore Pipelines on the client; each of those calls
// sits in a try/catch that turns a failure into an error value. Prikbord builds no pipelines, yet
// the import alone put 147 KB of minified engine (about 40 KB gzipped, with tables built at load)
// into every extension page. Should pipelines with regular expressions ever be used, remove the
// alias: this stub refuses to compile any pattern.
export const RE2JS = {
  compile(pattern: string): never {
    throw new Error(`re2js is not bundled with Prikbord: cannot compile ${JSON.stringify(pattern)}`);
  },
};
