import { PiiveilError } from './errors.js';
import { expandedLookbehind, hasNormalizable, normalizeText, type NormalizedText } from './normalize.js';
import { label } from './operators/label.js';
import { releasableCut, resolveOverlaps } from './resolve.js';
import { createScan, type Scan, type WideProbe } from './scanner/scan.js';
import type { Detector, EntityType, Finding, Operator, OperatorFunction, RedactorOptions } from './types.js';

/**
 * The configured steps shared by one-shot and streaming redaction: detect from an offset,
 * resolve overlaps, render a range. Internal; `createRedactor` is the public face.
 */
export interface Pipeline {
  readonly detectors: readonly Detector[];
  /**
   * Where in `text` the emitted text a stream keeps as context starts, once the last `detect` on
   * `text` released it up to `until`: the largest `lookbehind` of any detector before `until`,
   * counted in the view when that text was normalised (invisible or look-alike characters), so
   * that detectors still see their context there, plus the view's run window.
   */
  contextStart(text: string, until: number): number;
  readonly includeValues: boolean;
  readonly onError: 'mask' | 'throw';
  readonly fallbackText: string;
  /**
   * Resolved findings of `text` that start at or after `from` (and before `until`). `plain`:
   * the caller knows `text` has no code unit from FIRST_NORMALIZABLE up (no view to build).
   */
  detect(text: string, from: number, until: number, plain?: boolean): Finding[];
  /** Earliest index >= from that a detector still needs more text to decide. `plain` as for `detect`. */
  pending(text: string, from: number, plain?: boolean): number;
  /**
   * `text.slice(from, to)` with every finding (all inside the range) replaced. `offset` is the
   * position of `text[0]` in the caller's coordinates (a stream's buffer in the whole stream):
   * operators and error messages see findings there, as one-shot redaction would show them.
   */
  render(text: string, findings: readonly Finding[], from: number, to: number, offset?: number): string;
}

export function createPipeline(options: RedactorOptions, defaults: () => readonly Detector[]): Pipeline {
  if (options === null || typeof options !== 'object') throw new TypeError('createRedactor: options must be an object (or omitted)');
  const detectors = [...(options.detectors ?? defaults())];
  for (const detector of detectors) checkDetector(detector);
  const deny = options.deny ?? [];
  if (!Array.isArray(deny)) throw new TypeError('createRedactor: options.deny must be an array of strings or { value, type }');
  if (deny.length > 0) detectors.push(denyList(deny, options.normalize !== false));
  const allow = new Set(options.allow ?? []);
  const minScore = options.minScore ?? 0;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) throw new RangeError('createRedactor: options.minScore must be a number from 0 to 1');
  const onError = options.onError ?? 'mask';
  if (onError !== 'mask' && onError !== 'throw') throw new TypeError("createRedactor: options.onError must be 'mask' or 'throw'");
  const fallbackText = options.fallbackText ?? '[REDACTED]';
  const includeValues = options.includeValues === true;
  const rank = new Map(detectors.map((detector, index) => [detector.name, index]));
  const defaultOperator = toOperator(options.operator ?? label(), 'operator');
  const perType = new Map<EntityType, Operator>();
  for (const [type, operator] of Object.entries(options.operators ?? {})) {
    if (operator !== undefined) perType.set(type, toOperator(operator, `operators.${type}`));
  }
  let lookbehind = 0;
  for (const detector of detectors) lookbehind = Math.max(lookbehind, detector.lookbehind);
  // The methods, read once: `detector.find` at one call site over ~17 detector shapes is a
  // megamorphic property load on every call (pipeline.pending's own loop was 8% of a 4-char
  // stream's time in a CPU profile, bench clean chat); calling the stored function is not.
  const finds = detectors.map((detector) => detector.find);
  const pendings = detectors.map((detector) => detector.pending);
  // Competing findings of the last `pending` call (raw findings after `competing`), reused by the
  // `detect` that releases the text.
  let memoText: string | undefined;
  let memoFrom = 0;
  let memoCompeting: Finding[] = NO_RAW;

  const maxInputLength = checkMaxInputLength(options.maxInputLength);
  // Normalisation (src/normalize.ts): detectors run on a view without invisible characters and
  // with look-alike digits and full-width forms folded, when the text has any; spans map back.
  const normalizing = options.normalize !== false;
  const wideLookbehind = expandedLookbehind(lookbehind);
  // Without a view (the text's view is the text: a run of invisibles longer than MAX_RUN stays)
  // a stream still keeps expandedLookbehind(0) units, so that a view built after a release that
  // cut such a run sees enough of it to keep it, as one-shot redaction does.
  const plainLookbehind = normalizing ? Math.max(lookbehind, expandedLookbehind(0)) : lookbehind;
  /** The view the last `findRaw` scanned, or undefined when it scanned the text itself. */
  let scannedView: NormalizedText | undefined;
  /** The last view built, so that `pending` and the `detect` after it build it once. */
  let view: NormalizedText | undefined;
  let viewText: string | undefined;
  const viewOf = (text: string, plain: boolean): NormalizedText | undefined => {
    if (!normalizing || plain) return undefined;
    if (viewText === text) return view;
    // Clean text (one regex test) is not remembered, so the pipeline holds no reference to it.
    const built = normalizeText(text);
    if (built !== undefined) {
      view = built;
      viewText = text;
    }
    return built;
  };

  const scanRaw = (scan: Scan): Finding[] => {
    const text = scan.text;
    const raw: Finding[] = [];
    for (let k = 0; k < finds.length; k++) {
      const before = raw.length;
      try {
        finds[k].call(detectors[k], scan, raw);
      } catch {
        throw new PiiveilError('DETECTOR_FAILED', `Detector "${detectors[k].name}" threw while scanning`);
      }
      // Fail closed on a malformed finding (a caller's detector): a NaN or out-of-range span
      // would make `render` copy text it should replace.
      for (let index = before; index < raw.length; index++) {
        if (!validFinding(raw[index], text.length)) throw new PiiveilError('DETECTOR_FAILED', `Detector "${detectors[k].name}" returned an invalid finding`);
      }
    }
    return raw;
  };

  /** The raw findings overlap resolution compares: from `from` on, over `minScore`, not allowed. */
  const competing = (text: string, raw: Finding[], from: number): Finding[] => {
    if (raw.length === 0) return raw;
    const kept: Finding[] = [];
    for (const finding of raw) {
      if (finding.start < from || finding.score < minScore) continue;
      if (allow.size > 0 && allow.has(text.slice(finding.start, finding.end))) continue;
      kept.push(finding);
    }
    return kept;
  };

  /**
   * Lengths in the view of the findings mapped back from one: overlaps are resolved on them, so
   * that invisible characters inside a span neither make it win nor lose ('1\u200b234  200.100.10.100'
   * kept a spaced phone number over the longer IP address and left '.10.100' in clear).
   */
  const viewLengths = new WeakMap<Finding, number>();
  const lengthOf = (finding: Finding): number => viewLengths.get(finding) ?? finding.end - finding.start;

  /** Filled by a one-shot scan: where the text first has a code unit the view may change. */
  const wide: WideProbe = { at: -1 };
  const findRaw = (text: string, from: number, plain: boolean): Finding[] => {
    if (text.length - from > maxInputLength) throw tooLarge(text.length - from, maxInputLength);
    if (normalizing && !plain && from === 0 && viewText !== text) {
      // One-shot: the trigger scan also finds the first code unit from U+00AD up, and only the
      // text from there is tested for the view (ASCII text: not at all). A text that needs a
      // view is scanned again below, on the view (rare: invisible or look-alike characters).
      const scan = createScan(text, 0, wide);
      if (wide.at < 0 || !hasNormalizable(text, wide.at)) {
        scannedView = undefined;
        return scanRaw(scan);
      }
    }
    const normalized = viewOf(text, plain);
    scannedView = normalized;
    if (normalized === undefined) return scanRaw(createScan(text, from));
    const raw = scanRaw(createScan(normalized.text, normalized.toNormalized(from)));
    for (let index = 0; index < raw.length; index++) {
      const finding = raw[index];
      const mapped = { ...finding, start: normalized.toOriginal(finding.start), end: normalized.originalEnd(finding.end - 1) };
      viewLengths.set(mapped, finding.end - finding.start);
      raw[index] = mapped;
    }
    return raw;
  };

  return {
    detectors,
    contextStart(text, until) {
      const plainStart = until - plainLookbehind;
      const normalized = scannedView;
      if (normalized === undefined) return Math.max(0, plainStart);
      // Not the view of this text (never seen: `detect` ran on it last): the bound for any view.
      if (normalized !== view || viewText !== text) return Math.max(0, until - wideLookbehind);
      // Counted in the view: `lookbehind` of its units before `until`, then the run window
      // (expandedLookbehind(0)), so that a run of invisibles the new edge cuts is classified as in
      // the whole text. expandedLookbehind(lookbehind) bounds this for any text; chat with
      // full-width punctuation or non-ASCII digits (Japanese, Chinese) has about one original unit
      // per view unit, and keeping ten times more made every check re-read it: one stream over
      // such text cost 3 µs a code unit against 0.2 for English text.
      const viewStart = Math.max(0, normalized.toNormalized(until) - lookbehind);
      return Math.max(0, Math.min(plainStart, normalized.toOriginal(viewStart) - RUN_WINDOW));
    },
    includeValues,
    onError,
    fallbackText,
    detect(text, from, until, plain = false) {
      const found = memoText === text && memoFrom === from ? memoCompeting : competing(text, findRaw(text, from, plain), from);
      memoText = undefined;
      memoCompeting = NO_RAW;
      if (found.length === 0) return found;
      // Findings starting at or after `until` still take part: a finding before the cut may have
      // lost to one of them (releasableCut lets a cut fall inside such a loser).
      const winners = resolveOverlaps(found, rank, lengthOf);
      if (winners.length > 0 && winners[winners.length - 1].start >= until) return winners.filter((finding) => finding.start < until);
      return winners;
    },
    pending(text, from, plain = false) {
      if (text.length - from > maxInputLength) throw tooLarge(text.length - from, maxInputLength);
      const normalized = viewOf(text, plain);
      let scanText = normalized === undefined ? text : normalized.decidedText;
      // A trailing first half of a surrogate pair may still become a letter (𝒜) that changes a
      // word before it; detectors decide on the text without it, which the contract allows (any
      // text may follow), so no detector has to handle half a character.
      if (normalized === undefined && scanText.length > from && isHighSurrogate(scanText.charCodeAt(scanText.length - 1))) {
        scanText = scanText.slice(0, -1);
      }
      const scanFrom = normalized === undefined ? from : Math.min(normalized.toNormalized(from), scanText.length);
      let earliest = scanText.length;
      for (let k = 0; k < pendings.length; k++) {
        let index: number;
        try {
          index = pendings[k].call(detectors[k], scanText, scanFrom);
        } catch {
          throw new PiiveilError('DETECTOR_FAILED', `Detector "${detectors[k].name}" threw while checking pending text`);
        }
        // Fail closed on an answer that is no index (a caller's detector that forgot a `return`):
        // undefined or NaN compares false with every cut, so the text it holds would be released.
        if (!Number.isInteger(index)) throw new PiiveilError('DETECTOR_FAILED', `Detector "${detectors[k].name}" returned an invalid pending index`);
        if (index < earliest) earliest = index < scanFrom ? scanFrom : index;
      }
      // Back to the original: the view's cut, or earlier where the view itself is still open.
      if (normalized !== undefined) earliest = Math.max(from, Math.min(normalized.toOriginal(earliest), normalized.undecidedFrom));
      if (earliest <= from) return from;
      // Each detector promises only that its own findings do not cross its own pending index;
      // the earliest one can still fall inside a finding another detector has decided (an
      // email held from a '#' right after a phone number), and a finding reaching past it may
      // still lose to one that text to come adds. Move the cut back to where every outcome
      // before it is decided (releasableCut). The competing findings are kept for the `detect` of
      // the release that follows: no second scan, no second filter.
      const found = competing(text, findRaw(text, from, plain), from);
      memoText = text;
      memoFrom = from;
      memoCompeting = found;
      return found.length === 0 ? earliest : Math.max(from, releasableCut(found, earliest, rank, lengthOf));
    },
    render(text, findings, from, to, offset = 0) {
      if (findings.length === 0) return from === 0 && to === text.length ? text : text.slice(from, to);
      const parts: string[] = [];
      let cursor = from;
      for (const finding of findings) {
        parts.push(text.slice(cursor, finding.start));
        const operator = perType.get(finding.type) ?? defaultOperator;
        const seen = offset === 0 ? finding : { ...finding, start: finding.start + offset, end: finding.end + offset };
        let replacement: string;
        try {
          replacement = operator.apply(text.slice(finding.start, finding.end), seen);
        } catch (error) {
          // A full vault keeps its code; every error is rethrown with a message of ours, since
          // an operator's own message (a caller's PiiveilError included) may quote the value.
          if (error instanceof PiiveilError && error.code === 'VAULT_FULL') {
            throw new PiiveilError('VAULT_FULL', `The vault is full: operator "${operator.name}" could not add a ${seen.type} value (raise maxEntries or use a new vault)`);
          }
          throw new PiiveilError('OPERATOR_FAILED', `Operator "${operator.name}" threw on a ${seen.type} finding at ${seen.start}-${seen.end}`);
        }
        if (typeof replacement !== 'string') {
          throw new PiiveilError('OPERATOR_FAILED', `Operator "${operator.name}" returned a ${typeof replacement}, not a string`);
        }
        parts.push(replacement);
        cursor = finding.end;
      }
      parts.push(text.slice(cursor, to));
      return parts.join('');
    },
  };
}

/** Original code units before a stream's context that keep a run of invisibles at its edge whole. */
const RUN_WINDOW = expandedLookbehind(0);

/** Placeholder for the memo when it holds nothing (never handed out). */
const NO_RAW: Finding[] = [];

/** Default of `maxInputLength`: 16 Mi code units (32 MB of UTF-16), far above any chat message or log line. */
const DEFAULT_MAX_INPUT_LENGTH = 16 * 1024 * 1024;

function tooLarge(length: number, maxInputLength: number): PiiveilError {
  return new PiiveilError('INPUT_TOO_LARGE', `Input of ${length} code units is over maxInputLength (${maxInputLength})`);
}

function checkMaxInputLength(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_LENGTH;
  if (value === Infinity || (Number.isInteger(value) && value > 0)) return value;
  throw new RangeError('createRedactor: options.maxInputLength must be a positive integer or Infinity');
}

function validFinding(finding: Finding, length: number): boolean {
  return (
    finding !== null &&
    typeof finding === 'object' &&
    typeof finding.type === 'string' &&
    Number.isInteger(finding.start) &&
    Number.isInteger(finding.end) &&
    finding.start >= 0 &&
    finding.start < finding.end &&
    finding.end <= length &&
    typeof finding.score === 'number' &&
    !Number.isNaN(finding.score)
  );
}

function toOperator(operator: Operator | OperatorFunction, where: string): Operator {
  if (typeof operator === 'function') return { name: operator.name || 'custom', apply: operator };
  if (operator !== null && typeof operator === 'object' && typeof operator.apply === 'function') return operator;
  throw new TypeError(`createRedactor: options.${where} must be an operator (label(), mask(), ...) or a function (value, finding) => string`);
}

function checkDetector(detector: Detector): void {
  const ok =
    detector !== null &&
    typeof detector === 'object' &&
    typeof detector.name === 'string' &&
    typeof detector.type === 'string' &&
    typeof detector.find === 'function' &&
    typeof detector.pending === 'function' &&
    Number.isInteger(detector.maxLength) &&
    Number.isInteger(detector.lookbehind) &&
    detector.lookbehind >= 0;
  if (!ok) {
    throw new TypeError('createRedactor: each detector needs name, type, maxLength, lookbehind (integers), find() and pending(); build them with email(), phone(), ...');
  }
}

/**
 * Literal values always redacted: every occurrence, found by `indexOf` (linear per value).
 * `normalizing`: detectors read the normalised view of texts that have one, so each literal is
 * looked for in its own view ('山田１２３' as '山田123', 'ACME‐42' as 'ACME-42'); a literal with
 * a character the view folds or drops was never found there.
 */
function denyList(entries: readonly (string | { value: string; type?: EntityType })[], normalizing: boolean): Detector {
  const values: string[] = [];
  const types: EntityType[] = [];
  for (const entry of entries) {
    const value = typeof entry === 'string' ? entry : entry?.value;
    if (typeof value !== 'string' || value.length === 0) throw new TypeError('createRedactor: each options.deny entry must be a non-empty string or { value, type }');
    // A literal of invisible characters alone has an empty view: it is looked for as it is (the
    // view keeps a run of them longer than MAX_RUN).
    const seen = normalizing ? normalizeText(value)?.text : undefined;
    values.push(seen === undefined || seen.length === 0 ? value : seen);
    types.push(typeof entry === 'string' ? 'DENY' : (entry.type ?? 'DENY'));
  }
  const maxLength = Math.max(...values.map((value) => value.length));
  return {
    name: 'deny-list',
    type: 'DENY',
    maxLength,
    lookbehind: 0,
    find(scan, out) {
      for (let k = 0; k < values.length; k++) {
        const value = values[k];
        for (let at = scan.text.indexOf(value, scan.from); at >= 0; at = scan.text.indexOf(value, at + 1)) {
          out.push({ type: types[k], start: at, end: at + value.length, score: 1, detector: 'deny-list' });
        }
      }
    },
    pending(text, from) {
      // A suffix of the text that is a proper prefix of some value may still become a match.
      let cut = text.length;
      for (let at = Math.max(from, text.length - maxLength + 1); at < text.length; at++) {
        const tail = text.slice(at);
        if (values.some((value) => value.length > tail.length && value.startsWith(tail))) {
          cut = at;
          break;
        }
      }
      // A match already complete before that cut may still end after it (deny '00' in held
      // '00', whose second '0' may start another): move the cut to its start, and again for a
      // match crossing that one (a run of '-' with '--' denied is one chain). Each move goes
      // back, and only the value.length - 1 starts before the cut are tried (no indexOf, which
      // would read on to the end of the text at every move).
      for (let moved = cut < text.length; moved; ) {
        moved = false;
        for (const value of values) {
          for (let at = Math.max(from, cut - value.length + 1); at < cut; at++) {
            if (text.startsWith(value, at)) {
              cut = at;
              moved = true;
              break;
            }
          }
        }
      }
      return cut;
    },
  };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
