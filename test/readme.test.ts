import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as piiveil from '../src/index.js';

/**
 * The README's examples, run. Every ```ts block that imports only from 'piiveil' (or nothing)
 * and states a result as a string literal in a comment is executed, with piiveil's exports in
 * scope, and each stated result is compared with the real one:
 *
 *   stream.push('mple.com, thanks');       // '[EMAIL], '
 *   redact('Reach me at jane.doe@example.com').text;
 *   // 'Reach me at [EMAIL]'
 *
 * A result written any other way (an object, "e.g. ...") is documentation only. Blocks that need
 * the network, files or other packages are left to their own tests (test/adapters).
 */

interface Example {
  readonly line: number;
  readonly body: string;
  readonly checks: number;
}

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

/** A comment that states a result: `// 'literal'`, then anything (an aside in parentheses). */
const STATED = /^\s*\/\/ ('(?:[^'\\]|\\.)*')/;
/** A statement with its stated result on the same line. */
const INLINE = /^(\s*)(.+?);\s*\/\/ ('(?:[^'\\]|\\.)*')/;
const DECLARATION = /^\s*(?:const|let) ([A-Za-z_$][\w$]*) = /;
const IMPORT = /^import .* from '([^']+)';$/;

/** `code` followed by a check of its value, or of the variable it declares, against `literal`. */
function checked(code: string, literal: string, line: number): string {
  const declared = DECLARATION.exec(code);
  return declared ? `${code}; __check(${declared[1]}, ${literal}, ${line});` : `__check(${code}, ${literal}, ${line});`;
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] !== '```ts') continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    const block = lines.slice(start, end);
    index = end;
    const sources = block.map((line) => IMPORT.exec(line)?.[1]).filter((source) => source !== undefined);
    if (sources.some((source) => source !== 'piiveil')) continue;
    const out: string[] = [];
    let checks = 0;
    for (let offset = 0; offset < block.length; offset++) {
      const line = block[offset];
      const at = start + offset + 1; // 1-based README line
      if (IMPORT.test(line)) continue;
      const inline = INLINE.exec(line);
      const stated = inline ? null : STATED.exec(line);
      if (inline) out.push(inline[1] + checked(inline[2], inline[3], at));
      // A result on a line of its own is that of the statement just above.
      else if (stated && out.length > 0) out.push(checked(out.pop()!.trim().replace(/;$/, ''), stated[1], at));
      else {
        out.push(line);
        continue;
      }
      checks++;
    }
    if (checks > 0) found.push({ line: start, body: out.join('\n'), checks });
  }
  return found;
}

const runnable = examples(README);

describe('README examples', () => {
  it('finds the examples that state their results', () => {
    // The quick start, configuration, HEALTH, STREET_ADDRESS, streaming, async iterable, vault
    // and surrogate examples at least: a change to the README's layout must not silence them.
    expect(runnable.length).toBeGreaterThanOrEqual(8);
    expect(runnable.reduce((sum, example) => sum + example.checks, 0)).toBeGreaterThanOrEqual(15);
  });

  for (const example of runnable) {
    it(`gives the stated results in the block at README line ${example.line}`, async () => {
      const results: { line: number; actual: unknown; stated: string }[] = [];
      const check = (actual: unknown, stated: string, line: number) => results.push({ line, actual, stated });
      const names = Object.keys(piiveil);
      await new AsyncFunction(...names, '__check', example.body)(...names.map((name) => (piiveil as Record<string, unknown>)[name]), check);
      expect(results.length).toBe(example.checks);
      for (const { line, actual, stated } of results) expect({ line, actual }).toEqual({ line, actual: stated });
    });
  }
});
