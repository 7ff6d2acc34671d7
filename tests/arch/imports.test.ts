import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The direction rules of DESIGN.md ("core <- protocol <- engine, main, preload, renderer"),
 * checked by parsing the import and export-from statements of every .ts/.tsx file under src/.
 * Folders that do not exist yet are simply skipped.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(root, 'src');
const AREAS = ['core', 'protocol', 'engine', 'main', 'preload', 'renderer', 'cli'] as const;
// Pure-JavaScript libraries that run anywhere core runs: schema validation, JSON with positions, CSV parsing.
const CORE_PACKAGES = ['zod', 'jsonc-parser', 'papaparse'];
type Area = (typeof AREAS)[number];

export interface ImportRef {
  specifier: string;
  /** import type / export type, or every named specifier marked `type`: erased when compiled. */
  typeOnly: boolean;
  line: number;
}

/** Import and re-export statements, side-effect imports, dynamic import() and require() of string literals. */
export function parseImports(source: string): ImportRef[] {
  // Blank out comments, keeping offsets (and so line numbers) as they were.
  const text = source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/^[ \t]*\/\/.*$/gm, (m) => ' '.repeat(m.length));
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const refs: ImportRef[] = [];
  const statement = /\b(import|export)\s+(type\s+)?([\w$*{}\s,]*?)\s*\bfrom\s*(['"])([^'"\n]+)\4/g;
  for (const m of text.matchAll(statement)) {
    const clause = m[3].trim();
    const named = /^\{([\s\S]*)\}$/.exec(clause);
    const inlineTypes =
      named !== null &&
      named[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    refs.push({ specifier: m[5], typeOnly: m[2] !== undefined || inlineTypes, line: lineAt(m.index ?? 0) });
  }
  const others = [
    /\bimport\s*(['"])([^'"\n]+)\1/g, // import 'side-effect'
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, // import('dynamic')
    /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, // require('cjs')
  ];
  for (const re of others) {
    for (const m of text.matchAll(re)) refs.push({ specifier: m[2], typeOnly: false, line: lineAt(m.index ?? 0) });
  }
  return refs.sort((a, b) => a.line - b.line);
}

type Target =
  | { kind: 'src'; area: Area | 'other' /** Path inside the area, e.g. graph/load for core. */; rest: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'package'; name: string };

const builtins = new Set(builtinModules);

export function classify(specifier: string, fromFile: string): Target {
  if (specifier.startsWith('.')) {
    const target = relative(srcDir, resolve(dirname(fromFile), specifier))
      .split(sep)
      .join('/');
    if (target.startsWith('..')) return { kind: 'src', area: 'other', rest: target };
    const [area, ...rest] = target.split('/');
    return {
      kind: 'src',
      area: (AREAS as readonly string[]).includes(area) ? (area as Area) : 'other',
      rest: rest.join('/'),
    };
  }
  // path aliases such as @/core/graph or ~/protocol, should anyone add them
  const alias = /^(?:[@~#]\/?|src\/)(core|protocol|engine|main|preload|renderer|cli)(?:\/(.*))?$/.exec(specifier);
  if (alias) return { kind: 'src', area: alias[1] as Area, rest: alias[2] ?? '' };
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]))
    return { kind: 'builtin', name: specifier };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** What may be imported where; a reason for each refusal. */
export function violation(from: Area, ref: ImportRef, target: Target): string | undefined {
  const isSrc = target.kind === 'src';
  const to = isSrc ? target.area : undefined;
  if (isSrc && to === 'other') return 'reaches outside the src areas';
  if (isSrc && to !== from) {
    // nothing imports the app shells, the CLI or the engine host but themselves (engine: see below)
    if (to === 'renderer' || to === 'main' || to === 'preload' || to === 'cli') return `imports src/${to}`;
  }
  const uiPackages = /^(react|react-dom|@xyflow\/.*|zustand|plotly\.js.*)$/;
  switch (from) {
    case 'core':
      if (isSrc) return to === 'core' ? undefined : `core imports only core, not src/${to}`;
      if (target.kind === 'builtin') return `core is pure: no Node builtin '${target.name}'`;
      return CORE_PACKAGES.includes(target.name)
        ? undefined
        : `core imports only ${CORE_PACKAGES.join(', ')}, not '${target.name}'`;
    case 'protocol':
      if (isSrc && to === 'core')
        return ref.typeOnly ? undefined : 'protocol imports from core must be type-only (import type)';
      if (isSrc && to === 'engine') return 'protocol must not import the engine';
      if (target.kind === 'builtin') return `protocol is shared with the browser: no Node builtin '${target.name}'`;
      if (target.kind === 'package' && (uiPackages.test(target.name) || (target.name === 'electron' && !ref.typeOnly)))
        return `protocol must not import '${target.name}'`;
      return undefined;
    case 'main':
      if (isSrc && to === 'core') return 'main never imports core (it spawns the engine host)';
      if (isSrc && to === 'engine') return 'main never imports the engine';
      return undefined;
    case 'preload':
      if (isSrc && (to === 'core' || to === 'engine')) return `preload never imports src/${to}`;
      return undefined;
    case 'renderer': {
      if (isSrc && to === 'engine') return 'renderer reaches the engine through the EngineClient, not by import';
      if (isSrc && to === 'core') {
        if (ref.typeOnly) return undefined;
        const top = target.rest.split('/')[0];
        // Pure and synchronous besides graph/layers/tensor: rates drawn while editing, a search result applied.
        const pureTraining = ['train/schedules/', 'train/search/apply-config'].some((p) => target.rest.startsWith(p));
        return ['graph', 'layers', 'tensor'].includes(top) || pureTraining
          ? undefined
          : `renderer may import only core/graph, core/layers and core/tensor at run time, not core/${target.rest || '(index)'}`;
      }
      if (target.kind === 'builtin') return `renderer runs in the browser: no Node builtin '${target.name}'`;
      if (target.kind === 'package' && target.name === 'electron') return 'renderer must not import electron';
      return undefined;
    }
    case 'engine':
      // electron is fine here: one of the host's entry points is Electron's utility process
      if (target.kind === 'package' && uiPackages.test(target.name)) return `engine must not import '${target.name}'`;
      return undefined;
    case 'cli':
      if (target.kind === 'package' && (uiPackages.test(target.name) || target.name === 'electron'))
        return `cli is headless: no '${target.name}'`;
      return undefined;
  }
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function violationsIn(area: Area): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(srcDir, area))) {
    for (const ref of parseImports(readFileSync(file, 'utf8'))) {
      const reason = violation(area, ref, classify(ref.specifier, file));
      if (reason) found.push(`${relative(root, file)}:${ref.line} '${ref.specifier}': ${reason}`);
    }
  }
  return found;
}

describe('import parser', () => {
  it('finds every form of import, with type-only marked and lines counted', () => {
    const source = [
      "import { z } from 'zod';", // 1
      "import type { Tensor } from '../tensor/tensor';", // 2
      'import {', // 3
      '  type A,',
      '  type B,',
      "} from './ab';",
      "import X, { type Y } from './xy';", // 7
      "export * from './all';", // 8
      "export type { Shape } from './shape';", // 9
      'export { a as b } from "./double";', // 10
      "import './side-effect';", // 11
      "// import { gone } from 'commented-out';", // 12
      "/* import { gone } from 'block'; */", // 13
      "const lazy = () => import('./lazy');", // 14
      "const typed = 'import x from y';", // 15: inside a string, no quotes around y
      "import * as ns from 'node:fs';", // 16
    ].join('\n');
    expect(parseImports(source).map((r) => [r.line, r.specifier, r.typeOnly])).toEqual([
      [1, 'zod', false],
      [2, '../tensor/tensor', true],
      [3, './ab', true],
      [7, './xy', false],
      [8, './all', false],
      [9, './shape', true],
      [10, './double', false],
      [11, './side-effect', false],
      [14, './lazy', false],
      [16, 'node:fs', false],
    ]);
  });

  it('classifies specifiers by area, builtin and package', () => {
    const from = join(srcDir, 'renderer', 'stores', 'graph-store.ts');
    expect(classify('../../core/graph/load', from)).toEqual({ kind: 'src', area: 'core', rest: 'graph/load' });
    expect(classify('../../core', from)).toEqual({ kind: 'src', area: 'core', rest: '' });
    expect(classify('./ui-store', from)).toEqual({ kind: 'src', area: 'renderer', rest: 'stores/ui-store' });
    expect(classify('@/protocol/messages', from)).toEqual({ kind: 'src', area: 'protocol', rest: 'messages' });
    expect(classify('node:path', from)).toEqual({ kind: 'builtin', name: 'node:path' });
    expect(classify('fs/promises', from)).toEqual({ kind: 'builtin', name: 'fs/promises' });
    expect(classify('@xyflow/react/dist/style.css', from)).toEqual({ kind: 'package', name: '@xyflow/react' });
    expect(classify('../../../package.json', from).kind).toBe('src');
  });

  it('the rules refuse what DESIGN.md forbids', () => {
    const ref = (specifier: string, typeOnly = false): ImportRef => ({ specifier, typeOnly, line: 1 });
    const at = (area: Area, file: string) => join(srcDir, area, file);
    const check = (area: Area, specifier: string, typeOnly = false) =>
      violation(area, ref(specifier, typeOnly), classify(specifier, at(area, 'x.ts')));
    expect(check('core', 'node:fs')).toMatch(/no Node builtin/);
    expect(check('core', 'react')).toMatch(/only zod, jsonc-parser, papaparse/);
    expect(check('core', '../protocol/messages')).toMatch(/core imports only core/);
    expect(check('core', 'zod')).toBeUndefined();
    expect(check('core', './graph/load')).toBeUndefined();
    expect(check('protocol', '../core/graph/model')).toMatch(/type-only/);
    expect(check('protocol', '../core/graph/model', true)).toBeUndefined();
    expect(check('main', '../core')).toMatch(/never imports core/);
    expect(check('main', '../engine/session')).toMatch(/never imports the engine/);
    expect(check('main', '../protocol')).toBeUndefined();
    expect(check('renderer', '../core/train/sgd')).toMatch(/core\/graph, core\/layers and core\/tensor/);
    expect(check('renderer', '../core')).toMatch(/not core\/\(index\)/);
    expect(check('renderer', '../core', true)).toBeUndefined();
    expect(check('renderer', '../core/graph/load')).toBeUndefined();
    expect(check('renderer', '../engine/session')).toMatch(/EngineClient/);
    expect(check('renderer', 'node:fs')).toMatch(/browser/);
    expect(check('engine', '../renderer/format')).toMatch(/imports src\/renderer/);
    expect(check('engine', 'react')).toMatch(/engine must not import/);
    expect(check('cli', 'electron')).toMatch(/headless/);
    expect(check('protocol', 'node:worker_threads')).toMatch(/browser/);
  });
});

describe('import direction (DESIGN.md)', () => {
  it('src/core exists and is checked', () => {
    expect(sourceFiles(join(srcDir, 'core')).length).toBeGreaterThan(10);
  });

  it.each(AREAS)('src/%s follows the direction rules (a folder not written yet passes)', (area) => {
    expect(violationsIn(area)).toEqual([]);
  });

  it('no other top-level folder under src imports across areas unchecked', () => {
    const unknown = existsSync(srcDir)
      ? readdirSync(srcDir).filter(
          (n) => statSync(join(srcDir, n)).isDirectory() && !(AREAS as readonly string[]).includes(n),
        )
      : [];
    expect(unknown, `folders under src/ that DESIGN.md does not name: add them to ${AREAS.join(', ')}`).toEqual([]);
  });
});
