import { createInterface } from 'node:readline';
import { createRedactor, defaultDetectors, hash, label, mask, remove, summarize, type Finding, type Operator } from '../index.js';

const USAGE = `Usage: piiveil [options] < input > output

Redacts personal data from standard input to standard output as it arrives.

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
  process.stdout.on('error', () => process.exit(0)); // closed pipe (e.g. `| head`)

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
      process.stdout.write(`${JSON.stringify(redactJson(value, (text) => {
        const result = redactor.redact(text);
        findings.push(...result.findings);
        return result.text;
      }))}\n`);
    });
    lines.on('close', () => finish(options, findings));
    return;
  }

  const stream = redactor.stream();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    const out = stream.push(chunk);
    if (out) process.stdout.write(out);
  });
  process.stdin.on('end', () => {
    process.stdout.write(stream.end());
    finish(options, stream.findings);
  });
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
  process.stderr.write(`piiveil: ${(error as Error).message}\n`);
  process.exit(1);
}
