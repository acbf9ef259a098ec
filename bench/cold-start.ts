/**
 * Cold start: what the first message costs in a fresh process (a CLI run, a serverless cold
 * start, the first log line through a logging hook): the import, then building a redactor and
 * redacting one message. Measured in child processes, piiveil and @redactpii/node in turns;
 * medians. bench/run.ts prints the table; information only (no issue states a target).
 *
 * piiveil is loaded from an esbuild bundle of src/index.ts with packages external, as a user's
 * `import { createRedactor } from 'piiveil'` loads dist/ and its dependencies from node_modules.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { median } from './in-turns.js';

export interface ColdStart {
  readonly tool: string;
  /** Median ms of the `import`. */
  readonly load: number;
  /** Median ms of building the redactor and redacting the first message. */
  readonly first: number;
  /** Median ms of both, per process. */
  readonly total: number;
}

const MESSAGE = 'Hi, my doctor changed my metformin dose, call me back at 555-0100 or mail jane@example.com';

/**
 * Runs each tool's cold start `runs` times in fresh processes, the tools in turns.
 *
 * @example
 * coldStart('.bench', 5) // [{ tool: 'piiveil (default detectors)', load: 60, first: 12, total: 72 }, ...]
 */
export function coldStart(directory: string, runs: number): ColdStart[] {
  mkdirSync(directory, { recursive: true });
  const bundle = path.resolve(directory, 'cold-piiveil.mjs');
  buildSync({ entryPoints: ['src/index.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'warning' });
  const specs: [tool: string, load: string, first: string][] = [
    ['piiveil (default detectors)', `const { createRedactor } = await import(${JSON.stringify(bundle)});`, 'createRedactor().redact(MESSAGE).text'],
    ['@redactpii/node', "const { Redactor } = await import('@redactpii/node');", 'new Redactor().redact(MESSAGE)'],
  ];
  const tools = specs.map(([tool, load, first]): [string, string] => {
    const script = path.resolve(directory, `cold-${tool.replace(/[^a-z]+/gi, '-')}.mjs`);
    // Written inside the repository so that the child resolves packages from its node_modules.
    writeFileSync(
      script,
      `const MESSAGE = ${JSON.stringify(MESSAGE)};\n` +
        `const t0 = performance.now();\n${load}\nconst t1 = performance.now();\n` +
        `const output = ${first};\nconst t2 = performance.now();\n` +
        `if (typeof output !== 'string' || output === MESSAGE) throw new Error('the first message was not redacted');\n` +
        `console.log(JSON.stringify([t1 - t0, t2 - t1]));\n`,
    );
    return [tool, script];
  });
  const samples = tools.map(() => ({ load: [] as number[], first: [] as number[], total: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    for (let turn = 0; turn < tools.length; turn++) {
      const index = (run + turn) % tools.length;
      const [load, first] = JSON.parse(execFileSync(process.execPath, [tools[index][1]], { encoding: 'utf8' })) as [number, number];
      samples[index].load.push(load);
      samples[index].first.push(first);
      samples[index].total.push(load + first);
    }
  }
  return tools.map(([tool], index) => ({ tool, load: median(samples[index].load), first: median(samples[index].first), total: median(samples[index].total) }));
}
