import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createTransform } from '../adapters/node-stream.js';
import { createRedactor, defaultDetectors, hash, label, mask, PiiveilError, remove, summarize, type Finding, type Operator } from '../index.js';

const USAGE = `Usage: piiveil [options] < input > output

Redacts personal data from standard input to standard output as it arrives: text is
released as soon as no detector can still change it, so it works on live logs and pipes.
Exit status: 0 done, 1 redaction or input failed (nothing unredacted is written), 2 bad usage.

Options:
  --operator label|mask|remove|hash   how to replace findings (default: label, e.g. [EMAIL])
  --secret KEY                        key for --operator hash (or env PIIVEIL_SECRET), 16+ bytes
  --types EMAIL,PHONE,...             only these entity types (default: all built-in)
  --json                              input is JSON lines: redact every string value
  --summary                           print counts per type to stderr at the end (no values)
  -h, --help                          show this help
`;

interface CliOptions {
  operator: string;
  secret?: string;
  types?: string[];
  json: boolean;
  summary: boolean;
}

function parse(argv: string[]): CliOptions {
  const options: CliOptions = { operator: 'label', json: false, summary: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) fail(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--operator': options.operator = value(); break;
      case '--secret': options.secret = value(); break;
      case '--types': options.types = value().split(',').map((type) => type.trim().toUpperCase()).filter(Boolean); break;
      case '--json': options.json = true; break;
      case '--summary': options.summary = true; break;
      case '-h': case '--help': process.stdout.write(USAGE); process.exit(0);
      default: fail(`unknown option ${name}`);
    }
  }
  return options;
}

function fail(message: string): never {
  process.stderr.write(`piiveil: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function operatorFor(options: CliOptions): Operator {
  switch (options.operator) {
    case 'label': return label();
    case 'mask': return mask();
    case 'remove': return remove();
    case 'hash': {
      const secret = options.secret ?? process.env.PIIVEIL_SECRET;
      if (!secret) fail('--operator hash needs --secret KEY or the PIIVEIL_SECRET environment variable');
      try {
        return hash({ secret });
      } catch (error) {
        fail((error as Error).message);
      }
    }
    default: return fail(`--operator must be label, mask, remove or hash, not "${options.operator}"`);
  }
}

function main(): void {
  const options = parse(process.argv.slice(2));
  let detectors = defaultDetectors();
  if (options.types) {
    const known = new Set(detectors.map((detector) => detector.type));
    for (const type of options.types) if (!known.has(type)) fail(`unknown type ${type}; known: ${[...known].join(', ')}`);
    detectors = detectors.filter((detector) => options.types!.includes(detector.type));
  }
  const redactor = createRedactor({ detectors, operator: operatorFor(options), onError: 'throw' });
  const findings: Finding[] = [];
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : failWith(error))); // `| head`

  if (options.json) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (line.trim() === '') return void process.stdout.write('\n');
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // Fail closed: a line we cannot parse is not passed through.
        process.stderr.write('piiveil: skipped a line that is not valid JSON\n');
        return;
      }
      try {
        process.stdout.write(`${JSON.stringify(redactJson(value, (text) => {
          const result = redactor.redact(text);
          findings.push(...result.findings);
          return result.text;
        }))}\n`);
      } catch (error) {
        failWith(error);
      }
    });
    lines.on('close', () => finish(options, findings));
    return;
  }

  // Text: one incremental stream over the whole input (not line by line), so a value split
  // across reads or lines is still found and clean text is written at once.
  const stream = redactor.stream();
  pipeline(process.stdin, createTransform(stream), process.stdout).then(
    () => finish(options, stream.findings),
    (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : failWith(error)),
  );
}

/** Reports a failure without input text (PiiveilError messages never carry it) and exits 1. */
function failWith(error: unknown): never {
  const message = error instanceof PiiveilError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : 'unknown error';
  process.stderr.write(`piiveil: ${message}; output stopped before the failing text\n`);
  process.exit(1);
}

function redactJson(value: unknown, redactText: (text: string) => string): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redactText));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactJson(item, redactText);
    return out;
  }
  return value;
}

function finish(options: CliOptions, findings: readonly Finding[]): void {
  if (!options.summary) return;
  const summary = summarize(findings);
  const parts = Object.entries(summary.byType).map(([type, count]) => `${type}=${count}`);
  process.stderr.write(`piiveil: ${summary.total} finding(s)${parts.length ? `: ${parts.join(' ')}` : ''}\n`);
}

try {
  main();
} catch (error) {
  // Errors carry codes and offsets, never input text (see PiiveilError).
  failWith(error);
}
