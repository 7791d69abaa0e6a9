// The shape of the code, held by a test over the import graph of src/: no import cycle (type-only
// imports count: a circle of types is still a circle a reader has to hold in mind), and each room
// imports only the rooms under it. src/core is pure: no `node:` module, no `vscode`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * The rooms of src/ and what each may import. core is the pure core; node holds the Node-only helpers
 * the CLI and the desktop extension share; server is the language server (no `vscode`); cli, vscode
 * and webview are the three faces. A room never imports one that is not listed for it.
 */
const ROOMS: Record<string, readonly string[]> = {
  core: ['core'],
  // the Node host of the language server wires the (pure) server to stdio and node:fs
  node: ['core', 'server', 'node'],
  server: ['core', 'server'],
  // the CLI is a user of the library entry (src/index.ts) too
  cli: ['.', 'core', 'node', 'server', 'cli'],
  vscode: ['core', 'node', 'vscode', 'server', 'webview'],
  // the form page takes the form model's types from the core (nothing of Node or the editor)
  webview: ['core', 'webview'],
  // src/index.ts: the library's entry
  '.': ['core'],
};

/** Modules no file of a room may import (beyond the rooms table). */
const FORBIDDEN: Record<string, RegExp> = {
  core: /^(node:|vscode$|vscode-languageserver|vscode-languageclient)/,
  server: /^vscode$|^vscode-languageclient/,
  webview: /^(node:|vscode$)/,
};

function roomOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0]!;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module a file names: static imports and re-exports (type-only too), `import()` and `require()`. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names (`./x.js` is `./x.ts`; a folder is its index). */
function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  if (!base.startsWith(SRC + path.sep)) return undefined; // package.json and the like: not a room
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

const files = sourceFiles(SRC);
const graph = new Map<string, { target: string; spec: string }[]>();
for (const file of files) {
  graph.set(
    file,
    importsOf(file).flatMap((spec) => {
      if (!spec.startsWith('.')) return [];
      const target = resolve(file, spec);
      return target ? [{ target, spec }] : [];
    }),
  );
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).some((e) => e.target === v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

const shown = (file: string): string => path.relative(SRC, file).split(path.sep).join('/');

describe('the import graph of src/', () => {
  it('reads every source file and its imports', () => {
    assert.ok(files.length > 100, `${files.length} files`);
    const engine = graph.get(path.join(SRC, 'core', 'engine.ts'));
    assert.ok(engine && engine.length > 0, 'engine.ts imports something');
  });

  it('has no import cycle', () => {
    const found = cycles().map((c) => c.map(shown).sort().join(' → '));
    assert.deepEqual(found, [], `cycles:\n${found.join('\n')}`);
  });

  it('has each room import only the rooms under it', () => {
    const wrong: string[] = [];
    for (const [file, edges] of graph) {
      const room = roomOf(file);
      const allowed = ROOMS[room];
      assert.ok(allowed, `src/${room} is a room the test knows (add it to ROOMS)`);
      for (const { target } of edges) if (!allowed.includes(roomOf(target))) wrong.push(`${shown(file)} → ${shown(target)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('keeps src/core pure, the server free of the editor and the webview free of Node', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const forbidden = FORBIDDEN[roomOf(file)];
      if (!forbidden) continue;
      for (const spec of importsOf(file)) if (forbidden.test(spec)) wrong.push(`${shown(file)} imports ${spec}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('finds a cycle and an arrow upward when there is one (the test can fail)', () => {
    const saved = new Map(graph);
    try {
      const a = path.join(SRC, 'core', 'types.ts');
      const b = path.join(SRC, 'core', 'front-matter.ts');
      graph.set(a, [...(graph.get(a) ?? []), { target: b, spec: './front-matter.js' }]);
      assert.equal(cycles().length, 1);
    } finally {
      graph.clear();
      for (const [k, v] of saved) graph.set(k, v);
    }
    assert.equal(roomOf(path.join(SRC, 'core', 'x.ts')), 'core');
    assert.ok(!ROOMS.core!.includes(roomOf(path.join(SRC, 'cli', 'pdf.ts'))));
  });
});
