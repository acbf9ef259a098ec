import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDetectors } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The source through tsx by default (what this commit contains); PIIVEIL_CLI=dist/cli.js tests a build.
const COMMAND = process.env.PIIVEIL_CLI ? [process.env.PIIVEIL_CLI] : ['--import', 'tsx', 'src/cli/main.ts'];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI with `args`, writing each of `writes` to its stdin as a separate pipe write. A
 * write may be a function: it is awaited first with the output so far (to wait for a release).
 */
function cli(args: readonly string[], writes: readonly (string | ((stdout: string) => boolean))[] = [], options: { env?: Record<string, string>; stdin?: number } = {}): Promise<Run> {
  const child = spawn(process.execPath, [...COMMAND, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return (async () => {
    if (child.stdin) {
      child.stdin.on('error', () => {}); // the CLI may exit before reading everything (usage errors)
      for (const write of writes) {
        if (typeof write === 'string') child.stdin.write(write);
        else {
          const deadline = Date.now() + 10_000;
          while (!write(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      child.stdin.end();
    }
    return { code: await exited, stdout, stderr };
  })();
}

describe('cli', () => {
  it('streams text: clean text is written before the input ends, a value split across writes is found', async () => {
    const run = await cli([], [
      'Hello, reach me at jane.d',
      (stdout) => stdout === 'Hello, reach me at ', // released while stdin is still open
      'oe@exam',
      'ple.com please\nthanks ',
      'bob@example.org\n',
    ]);
    expect(run).toEqual({ code: 0, stdout: 'Hello, reach me at [EMAIL] please\nthanks [EMAIL]\n', stderr: '' });
  });

  it('redacts every string value of JSON lines and skips lines that are not JSON', async () => {
    const input = [
      JSON.stringify({ level: 'info', msg: 'user jane@example.com logged in', meta: { to: ['a@b.io', 3, null] } }),
      '',
      '{"broken": "jane@example.com"',
      JSON.stringify('plain a@b.io'),
    ].join('\n');
    const run = await cli(['--json'], [input.slice(0, 40), input.slice(40), '\n']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${JSON.stringify({ level: 'info', msg: 'user [EMAIL] logged in', meta: { to: ['[EMAIL]', 3, null] } })}\n\n${JSON.stringify('plain [EMAIL]')}\n`,
    );
    expect(run.stderr).toBe('piiveil: skipped a line that is not valid JSON\n');
  });

  it('prints counts per type to stderr with --summary, never values', async () => {
    const run = await cli(['--summary'], ['a@b.io and c@d.io\n']);
    expect(run.stdout).toBe('[EMAIL] and [EMAIL]\n');
    expect(run.stderr).toBe('piiveil: 2 finding(s): EMAIL=2\n');
    const json = await cli(['--json', '--summary'], ['{"m":"a@b.io"}\n{"m":"none"}\n']);
    expect(json.stderr).toBe('piiveil: 1 finding(s): EMAIL=1\n');
    const none = await cli(['--summary'], ['nothing here\n']);
    expect(none.stderr).toBe('piiveil: 0 finding(s)\n');
  });

  it('limits detection to --types, case-insensitively', async () => {
    expect((await cli(['--types', 'email'], ['x a@b.io\n'])).stdout).toBe('x [EMAIL]\n');
    const other = defaultDetectors().find((detector) => detector.type !== 'EMAIL');
    if (other) expect((await cli([`--types=${other.type}`], ['x a@b.io\n'])).stdout).toBe('x a@b.io\n');
    const unknown = await cli(['--types', 'EMAIL,SHOE_SIZE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^piiveil: unknown type SHOE_SIZE; known: .*EMAIL/);
  });

  it('masks, removes and hashes with --operator', async () => {
    expect((await cli(['--operator', 'mask'], ['mail jane.doe@example.com\n'])).stdout).toBe('mail ****.***@*******.***\n');
    expect((await cli(['--operator=remove'], ['mail jane.doe@example.com now\n'])).stdout).toBe('mail  now\n');
    const secret = 'k'.repeat(32);
    const hashed = await cli(['--operator', 'hash', '--secret', secret], ['a@b.io a@b.io c@d.io\n']);
    expect(hashed.stdout).toMatch(/^([0-9a-f]{16}) \1 (?!\1)[0-9a-f]{16}\n$/);
    const fromEnv = await cli(['--operator', 'hash'], ['a@b.io a@b.io c@d.io\n'], { env: { PIIVEIL_SECRET: secret } });
    expect(fromEnv.stdout).toBe(hashed.stdout);
    const otherKey = await cli(['--operator', 'hash', '--secret', 'z'.repeat(32)], ['a@b.io a@b.io c@d.io\n']);
    expect(otherKey.stdout).not.toBe(hashed.stdout);
  });

  it('refuses hash without a usable secret, without echoing it', async () => {
    const missing = await cli(['--operator', 'hash'], [], { env: { PIIVEIL_SECRET: '' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--operator hash needs --secret/);
    const short = await cli(['--operator', 'hash', '--secret', 'tiny-key']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 16 bytes/);
    expect(short.stderr).not.toContain('tiny-key');
  });

  it('exits 2 with the usage on a bad option or operator, writing nothing to stdout', async () => {
    for (const args of [['--bogus'], ['--operator', 'shred'], ['--secret']]) {
      const run = await cli(args, ['a@b.io\n']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^piiveil: .+\n\nUsage: piiveil \[options\]/);
    }
  });

  it('prints the usage with --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: piiveil \[options\] < input > output/);
    expect(run.stdout).toContain('--summary');
  });

  it('exits 1 with the reason and no input text when redaction fails mid-stream', async () => {
    // Makes the mask operator throw on the letter 'ж' (it tests each non-ASCII character of a
    // value with a RegExp; detectors test whole texts, never a single character), so the stream
    // fails on the second address, after the first line was written.
    const preload = `data:text/javascript,${encodeURIComponent(
      "const test = RegExp.prototype.test; RegExp.prototype.test = function (s) { if (s === '\\u0436') throw new Error('saw ' + s); return test.call(this, s); };",
    )}`;
    const child = spawn(process.execPath, ['--import', preload, ...COMMAND, '--operator', 'mask'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin.write('first a@b.io ok\n');
    for (let waited = 0; stdout === '' && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    child.stdin.end('secret жжж@example.com and more text\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('first *@*.** ok\n'); // nothing of the failing chunk
    expect(stderr).toBe('piiveil: OPERATOR_FAILED: Operator "mask" threw on a EMAIL finding at 23-38; output stopped before the failing text\n');
  });

  it('exits 1 with the reason when the output cannot be written', async () => {
    // stdout opened read-only: every write fails with EBADF.
    const file = `${mkdtempSync(`${tmpdir()}/piiveil-cli-`)}/out.txt`;
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    try {
      const child = spawn(process.execPath, [...COMMAND], { cwd: ROOT, stdio: ['pipe', fd, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.stdin!.end('mail a@b.io now\n');
      expect(await new Promise((resolve) => child.on('close', resolve))).toBe(1);
      expect(stderr).toMatch(/^piiveil: .*EBADF/);
      expect(stderr).not.toContain('a@b.io');
    } finally {
      closeSync(fd);
    }
  });
});
