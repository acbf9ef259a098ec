import { ASYMMETRIC_MATCHERS_OBJECT, GLOBAL_EXPECT, JestAsymmetricMatchers, JestChaiExpect, JestExtend, getState, setState } from '@vitest/expect';
import * as chai from 'chai';
import type { ExpectStatic } from 'vitest';

/**
 * The part of `vitest` the runtime-neutral tests use, for running them in a browser page
 * bundled by esbuild (scripts/test-browser.ts aliases `vitest` to this file): `describe`, `it`
 * (with `.each`), the hooks, and vitest's own `expect`, built from `@vitest/expect` and chai as
 * vitest's `createExpect` does, so matchers behave and fail exactly as under `vitest run`.
 */

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);

const expectFunction = (value: unknown, message?: string) => {
  const state = getState(expectFunction as never) as { assertionCalls: number };
  setState({ assertionCalls: state.assertionCalls + 1 }, expectFunction as never);
  return chai.expect(value, message);
};
Object.assign(expectFunction, chai.expect);
Object.assign(expectFunction, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null, currentTestName: '' }, expectFunction as never);
(globalThis as Record<symbol, unknown>)[GLOBAL_EXPECT] = expectFunction;

export const expect = expectFunction as unknown as ExpectStatic;

type Body = () => unknown;
type Hook = { kind: 'beforeAll' | 'beforeEach' | 'afterEach'; body: Body; done?: boolean };

/** A test as collected: its full name (file > describe > it) and body, with the hooks around it. */
export interface CollectedTest {
  readonly name: string;
  readonly run: () => Promise<void>;
}

interface Suite {
  readonly names: string[];
  readonly hooks: Hook[];
}

const tests: CollectedTest[] = [];
const afterRun: Body[] = [];
let current: Suite = { names: [], hooks: [] };
let file = '';

/** Names the test file whose module is about to be evaluated (its tests are prefixed with it). */
export function setFile(name: string): void {
  file = name;
  current = { names: [], hooks: [] };
}

/** Every test collected so far, in declaration order. */
export function collected(): readonly CollectedTest[] {
  return tests;
}

/** `afterAll` hooks, to be run once every test has run. */
export function afterAllHooks(): readonly Body[] {
  return afterRun;
}

export function describe(name: string, body: () => void): void {
  const parent = current;
  current = { names: [...parent.names, name], hooks: [...parent.hooks] };
  try {
    body();
  } finally {
    current = parent;
  }
}

function addTest(name: string, body: Body): void {
  const fullName = [file, ...current.names, name].join(' > ');
  const hooks = current.hooks;
  tests.push({
    name: fullName,
    async run() {
      setState({ assertionCalls: 0, currentTestName: fullName }, expectFunction as never);
      for (const hook of hooks) {
        if (hook.kind !== 'beforeAll' || hook.done === true) continue;
        hook.done = true;
        await hook.body();
      }
      for (const hook of hooks) if (hook.kind === 'beforeEach') await hook.body();
      try {
        await body();
      } finally {
        for (const hook of hooks) if (hook.kind === 'afterEach') await hook.body();
      }
    },
  });
}

/** vitest's `%s %d %i %j %o %#` placeholders and `$name` for object rows. */
function formatName(template: string, row: unknown, index: number): string {
  const args = Array.isArray(row) ? [...row] : [row];
  let name = template.replace(/%[sdijfo#%]/g, (placeholder) => {
    if (placeholder === '%%') return '%';
    if (placeholder === '%#') return String(index);
    const value = args.shift();
    if (placeholder === '%j' || placeholder === '%o') return JSON.stringify(value);
    return String(value);
  });
  if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
    name = name.replace(/\$([A-Za-z_]\w*)/g, (_, key: string) => String((row as Record<string, unknown>)[key]));
  }
  return name;
}

type TestFunction = ((name: string, body: Body) => void) & {
  each: (rows: readonly unknown[]) => (name: string, body: (...args: never[]) => unknown) => void;
};

export const it: TestFunction = Object.assign((name: string, body: Body) => addTest(name, body), {
  each: (rows: readonly unknown[]) => (name: string, body: (...args: never[]) => unknown) => {
    rows.forEach((row, index) => {
      const args = Array.isArray(row) ? row : [row];
      addTest(formatName(name, row, index), () => (body as (...args: unknown[]) => unknown)(...args));
    });
  },
});
export const test = it;

export function beforeAll(body: Body): void {
  current.hooks.push({ kind: 'beforeAll', body });
}
export function beforeEach(body: Body): void {
  current.hooks.push({ kind: 'beforeEach', body });
}
export function afterEach(body: Body): void {
  current.hooks.push({ kind: 'afterEach', body });
}
export function afterAll(body: Body): void {
  afterRun.push(body);
}
