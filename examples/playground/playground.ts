/**
 * The playground page (examples/playground/index.html): finds and redacts what the user types,
 * with every operator side by side, and replays the message through `redactor.stream()` in small
 * chunks so the held-back text is visible. Built from the library's sources by
 * scripts/playground.ts (esbuild); no framework, and user text only ever reaches the page as
 * text nodes.
 */
import { createRedactor, createTokenizer, createVault, hash, mask, remove, type Finding, type Redactor } from '../../src/index.js';

const SAMPLE =
  'Hi! Mail me at jane.doe@example.com, my card is 4111 1111 1111 1111 and I was diagnosed with type 2 diabetes last year. Call +1 415 555 0132.';
/** Published on purpose: a demo key shows what hash() output looks like, it protects nothing. */
const DEMO_HASH_KEY = 'piiveil-playground-demo-key';
const DEMO_VAULT_SEED = 'piiveil-playground-demo-seed';

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`playground: #${id} is missing from index.html`);
  return element as T;
};

const input = byId<HTMLTextAreaElement>('input');
const highlighted = byId<HTMLDivElement>('highlighted');
const tableBody = byId<HTMLTableElement>('finding-table').tBodies[0]!;
const count = byId<HTMLSpanElement>('count');
const restored = byId<HTMLElement>('restored');
const streamButton = byId<HTMLButtonElement>('stream');
const chunkSize = byId<HTMLInputElement>('chunk-size');
const delay = byId<HTMLInputElement>('delay');
const status = byId<HTMLSpanElement>('status');
const streamPanel = byId<HTMLElement>('stream-panel');
const streamOut = byId<HTMLSpanElement>('stream-out');
const streamHeld = byId<HTMLSpanElement>('stream-held');
const streamStats = byId<HTMLParagraphElement>('stream-stats');
const outputs = new Map<string, HTMLElement>();
document.querySelectorAll<HTMLElement>('pre[data-operator]').forEach((element) => outputs.set(element.dataset['operator']!, element));

const labelRedactor = createRedactor();
const fixedRedactors: Record<string, Redactor> = {
  label: labelRedactor,
  mask: createRedactor({ operator: mask() }),
  remove: createRedactor({ operator: remove() }),
  hash: createRedactor({ operator: hash({ secret: DEMO_HASH_KEY, length: 12 }) }),
};

/** The message with each finding wrapped in <mark data-type> and a small type tag. */
function renderHighlights(text: string, findings: readonly Finding[]): void {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const finding of findings) {
    fragment.append(text.slice(last, finding.start));
    const mark = document.createElement('mark');
    mark.dataset['type'] = finding.type;
    mark.title = `${finding.type} · ${finding.detector} · score ${finding.score}`;
    mark.append(text.slice(finding.start, finding.end));
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = finding.type;
    mark.append(tag);
    fragment.append(mark);
    last = finding.end;
  }
  fragment.append(text.slice(last));
  highlighted.replaceChildren(fragment);
}

function renderTable(findings: readonly Finding[]): void {
  const rows = findings.map((finding) => {
    const row = document.createElement('tr');
    for (const cell of [finding.type, `${finding.start}–${finding.end}`, String(finding.score), finding.detector, finding.category ?? '']) {
      const td = document.createElement('td');
      td.textContent = cell;
      row.append(td);
    }
    return row;
  });
  tableBody.replaceChildren(...rows);
  count.textContent = findings.length === 1 ? '1 finding' : `${findings.length} findings`;
}

function render(): void {
  const text = input.value;
  const result = labelRedactor.redact(text);
  renderHighlights(text, result.findings);
  renderTable(result.findings);
  for (const [name, redactor] of Object.entries(fixedRedactors)) outputs.get(name)!.textContent = redactor.redact(text).text;
  // A fresh vault per render keeps the numbering readable ([EMAIL_1], [EMAIL_2]...).
  const vault = createVault({ seed: DEMO_VAULT_SEED });
  const tokenized = createTokenizer(vault).redact(text).text;
  outputs.get('tokenize')!.textContent = tokenized;
  const exact = vault.restore(tokenized) === text;
  restored.textContent = exact ? 'vault.restore() gives the input back' : 'vault.restore() differs from the input';
  restored.className = exact ? 'ok' : 'bad';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Replays the message in chunks through one stream, showing released and held text as it goes. */
async function streamIt(): Promise<void> {
  const text = input.value;
  const size = Math.max(1, Math.min(64, Number(chunkSize.value) || 4));
  const wait = Math.max(0, Math.min(2000, Number(delay.value) || 0));
  const stream = labelRedactor.stream();
  streamButton.disabled = true;
  input.readOnly = true;
  streamPanel.hidden = false;
  document.body.dataset['stream'] = 'running';
  let out = '';
  let received = 0;
  let chunks = 0;
  let mostHeld = 0;
  try {
    while (received < text.length) {
      const chunk = text.slice(received, received + size);
      received += chunk.length;
      chunks += 1;
      out += stream.push(chunk);
      mostHeld = Math.max(mostHeld, stream.pending);
      streamOut.textContent = out;
      streamHeld.textContent = text.slice(received - stream.pending, received);
      streamStats.textContent = `chunk ${chunks}: received ${received} of ${text.length} · released ${received - stream.pending} · held ${stream.pending} code units`;
      await sleep(wait);
    }
    out += stream.end();
    streamOut.textContent = out;
    streamHeld.textContent = '';
    const same = out === labelRedactor.redact(text).text;
    streamStats.textContent = `${chunks} chunks of ${size} · most held at once: ${mostHeld} code units · ${same ? 'output equals the one-shot redaction' : 'output DIFFERS from the one-shot redaction'}`;
    status.textContent = same ? 'streamed: same output as one-shot' : 'streamed: output differs';
  } catch (error) {
    status.textContent = `stream failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    streamButton.disabled = false;
    input.readOnly = false;
    document.body.dataset['stream'] = 'done';
  }
}

input.value = SAMPLE;
input.addEventListener('input', render);
streamButton.addEventListener('click', () => void streamIt());
render();
document.body.dataset['ready'] = 'true';
