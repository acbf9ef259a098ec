import type { Finding } from './types.js';

/**
 * Collapses overlapping findings to one per region of text.
 *
 * Rule: findings that overlap, directly or through a chain, form a cluster. Within a cluster the
 * findings that no other contains (a longer span over all of their text) compete first: the
 * winner is the higher score, then the longer span (as `lengthOf` measures it), then the
 * detector listed first, then the earlier start; every finding overlapping a winner is dropped
 * and the rest compete again. Then the findings inside the losers that overlap no winner
 * compete the same way, and so on inward. So an e-mail address with a deny-listed word inside,
 * or an address whose street name is a health term, is one finding of the outer kind, rather
 * than the inner value with the rest of the outer one left in clear ('jane@[DENY].com',
 * '12 [HEALTH] Lane, Springfield, IL 62704'), and what is inside an outer finding that lost is
 * still redacted.
 * The rule only compares findings of one cluster, so a cut between clusters never changes the
 * outcome; the streaming engine also cuts inside a cluster where `releasableCut` shows that
 * the outcome before the cut is decided.
 *
 * @param findings any order; not modified
 * @param rank detector name → position in the detector list (lower wins ties)
 * @param lengthOf a finding's length; by default its span's. The pipeline passes the length in
 *   the normalised view for text that has one, so that invisible characters inside a span do
 *   not make it win (the winner is then the one of the same text without them).
 * @returns sorted by start, non-overlapping
 */
export function resolveOverlaps(findings: readonly Finding[], rank: ReadonlyMap<string, number>, lengthOf: (finding: Finding) => number = spanLength): Finding[] {
  if (findings.length < 2) return findings.slice();
  const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Finding[] = [];
  let clusterStart = 0;
  let clusterEnd = sorted[0].end;
  for (let index = 1; index <= sorted.length; index++) {
    const next = sorted[index];
    if (next !== undefined && next.start < clusterEnd) {
      if (next.end > clusterEnd) clusterEnd = next.end;
      continue;
    }
    if (index - clusterStart === 1) result.push(sorted[clusterStart]);
    else pickWinners(sorted.slice(clusterStart, index), rank, lengthOf, result);
    if (next !== undefined) {
      clusterStart = index;
      clusterEnd = next.end;
    }
  }
  return result;
}

const spanLength = (finding: Finding): number => finding.end - finding.start;

/** The rule's order among outermost findings: the finding that wins an overlap first. */
function preference(rank: ReadonlyMap<string, number>, lengthOf: (finding: Finding) => number): (a: Finding, b: Finding) => number {
  const order = (finding: Finding): number => rank.get(finding.detector) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => b.score - a.score || lengthOf(b) - lengthOf(a) || order(a) - order(b) || a.start - b.start;
}

/**
 * The findings no other finding contains: a finding is contained when another covers all of its
 * text and is longer (identical spans do not contain each other). Sorted by start, the rest also
 * have ascending ends.
 */
function outermost(findings: readonly Finding[]): Finding[] {
  const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Finding[] = [];
  // By start, longer first: a finding is contained iff the one that reaches furthest before it
  // ends at or after its end.
  let furthest: Finding | undefined;
  for (const finding of sorted) {
    if (furthest !== undefined && furthest.end >= finding.end && (furthest.start !== finding.start || furthest.end !== finding.end)) continue;
    outer.push(finding);
    if (furthest === undefined || finding.end > furthest.end) furthest = finding;
  }
  return outer;
}

function pickWinners(findings: Finding[], rank: ReadonlyMap<string, number>, lengthOf: (finding: Finding) => number, result: Finding[]): void {
  const kept: Finding[] = [];
  eachLevel(findings, preference(rank, lengthOf), (_outer, winners) => {
    for (const winner of winners) kept.push(winner);
  });
  kept.sort((a, b) => a.start - b.start);
  for (const winner of kept) result.push(winner);
}

/**
 * The rule of `resolveOverlaps`, level by level inward: `visit` gets each level's outermost
 * findings in order of preference, its winners, and the rest of the level (contained findings,
 * of which those overlapping no winner make the next level). `releasableCut` walks the same
 * levels, so the two cannot drift apart.
 */
function eachLevel(findings: readonly Finding[], prefer: (a: Finding, b: Finding) => number, visit: (outer: readonly Finding[], winners: readonly Finding[], rest: readonly Finding[]) => void): void {
  for (let level = findings; level.length > 0; ) {
    const outer = outermost(level).sort(prefer);
    const winners = keep(outer);
    const isOuter = outer.length === level.length ? undefined : new Set(outer);
    const rest = isOuter === undefined ? [] : level.filter((finding) => !isOuter.has(finding));
    visit(outer, winners, rest);
    level = rest.length === 0 ? rest : inside(rest, winners);
  }
}

/** The greedy pass: `ranked` in order of preference, each kept unless it overlaps one kept before. */
function keep(ranked: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  if (ranked.length > LARGE_CLUSTER) keepDisjoint(ranked, kept);
  else {
    for (const candidate of ranked) {
      if (kept.every((winner) => candidate.end <= winner.start || candidate.start >= winner.end)) kept.push(candidate);
    }
  }
  return kept;
}

/** The findings of `rest` that overlap none of `winners` (disjoint): the next level in. */
function inside(rest: readonly Finding[], winners: readonly Finding[]): Finding[] {
  const sorted = winners.slice().sort((a, b) => a.start - b.start);
  return rest.filter((finding) => !overlapsAny(sorted, finding));
}

/** Whether `finding` overlaps one of `sorted` (disjoint, by start): the last one starting before its end. */
function overlapsAny(sorted: readonly Finding[], finding: Finding): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle].start < finding.end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && sorted[low - 1].end > finding.start;
}

/**
 * How far a stream may release its held text: the largest index at or before `cut` such that
 * every finding starting before it has the outcome it has in the whole text, and no winner
 * crosses it.
 *
 * `cut` is the earliest index some detector has not decided: text appended later may add, drop
 * or stretch findings that reach past it, and only those. Such a finding is "open". A finding's
 * outcome depends only on the findings that overlap it and rank at least as high (it loses to
 * one of them that wins), so openness spreads from each open finding down the ranking through
 * overlaps, and stops where the ranking goes up: a finding that overlaps an open one and ranks
 * higher wins or loses whatever that one becomes. At the levels inward, a finding inside a loser
 * that overlaps an open finding is open too (it competes only if that one loses). The text
 * before the first open finding is decided, except that a finding bearing on the text after it
 * may straddle it (a winner, or a loser containing a finding that starts after it); the cut then
 * moves to that finding's start.
 *
 * Why not cut before every finding crossing `cut`, then before every finding crossing that one:
 * findings of different detectors can overlap one after another without end
 * (`'12 Main Street, Springfield, IL 62704 12 '` repeated: an address, a phone number
 * `62704 12 12` overlapping it and the next address), and a stream held all of it, up to
 * `maxInputLength`. Here the address ranks higher, so the phone numbers lose whatever follows,
 * and the stream holds the last address or two.
 *
 * @param findings the findings the release will resolve (after `minScore` and `allow`), any order
 * @param rank, lengthOf as for `resolveOverlaps`
 */
export function releasableCut(findings: readonly Finding[], cut: number, rank: ReadonlyMap<string, number>, lengthOf: (finding: Finding) => number = spanLength): number {
  // Most calls: nothing crosses the cut, found in one pass without sorting. Then no finding
  // starting before it overlaps one that reaches past it.
  let crossed = false;
  for (let index = 0; index < findings.length && !crossed; index++) crossed = findings[index].start < cut && findings[index].end > cut;
  if (!crossed) return cut;
  // Level by level inward, as resolveOverlaps: a finding overlapping an open one of its level or
  // of a level before (a winner that may lose, a loser that may win) is open too.
  const prefer = preference(rank, lengthOf);
  const open = new Coverage(findings);
  /** Findings that competed at some level and whose outcome is decided; `won`: every winner. */
  const decided: Finding[] = [];
  const won = new Set<Finding>();
  let firstOpen = cut;
  eachLevel(findings, prefer, (outer, winners, rest) => {
    for (const winner of winners) won.add(winner);
    for (const finding of outer) {
      if (finding.end > cut || open.overlaps(finding.start, finding.end)) {
        open.add(finding.start, finding.end);
        if (finding.start < firstOpen) firstOpen = finding.start;
      } else decided.push(finding);
    }
    for (const finding of rest) {
      if (open.overlaps(finding.start, finding.end)) {
        open.add(finding.start, finding.end);
        if (finding.start < firstOpen) firstOpen = finding.start;
      }
    }
  });
  // The next release resolves only the findings from the cut on, so no decided finding may
  // straddle the cut if it bears on them: a winner, or a loser that contains one of them (it
  // keeps them from competing at its level). Taken by descending start, each moves the cut back
  // only to its own start, which no finding taken after it (starting earlier) can be past.
  const byStart = findings.slice().sort((a, b) => a.start - b.start);
  decided.sort((a, b) => b.start - a.start);
  let result = firstOpen;
  for (const finding of decided) {
    if (finding.start < result && finding.end > result && (won.has(finding) || containsFrom(byStart, finding, result))) result = finding.start;
  }
  return result;
}

/** Whether one of `byStart` (ascending starts) starts at or after `from` and ends within `outer`. */
function containsFrom(byStart: readonly Finding[], outer: Finding, from: number): boolean {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byStart[middle].start < from) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < byStart.length && byStart[index].start < outer.end; index++) if (byStart[index].end <= outer.end) return true;
  return false;
}

/**
 * Spans added one by one, and whether any of them overlaps a given span, in O(log n) a step: a
 * segment tree over the elementary intervals between the spans' distinct boundaries, where
 * `add` covers a range and `overlaps` asks whether any unit of a range is covered. (Spans added
 * may overlap one another, unlike `keepDisjoint`'s.) `releasableCut` on a chain of 2 000 / 20 000 /
 * 200 000 findings: 3.2 / 32 / 376 ms (under tsx, 2026-11-23).
 */
class Coverage {
  private readonly bounds: Float64Array;
  /** Per node: its whole range is covered / some unit of it is. */
  private readonly full: Uint8Array;
  private readonly some: Uint8Array;
  private readonly size: number;

  constructor(spans: readonly Finding[]) {
    const all = new Float64Array(spans.length * 2);
    spans.forEach((span, index) => {
      all[2 * index] = span.start;
      all[2 * index + 1] = span.end;
    });
    all.sort();
    let count = 0;
    for (let index = 0; index < all.length; index++) if (index === 0 || all[index] !== all[index - 1]) all[count++] = all[index];
    this.bounds = all.subarray(0, count);
    this.size = Math.max(1, count - 1);
    this.full = new Uint8Array(4 * this.size);
    this.some = new Uint8Array(4 * this.size);
  }

  add(start: number, end: number): void {
    this.mark(1, 0, this.size, lowerBound(this.bounds, start), lowerBound(this.bounds, end));
  }

  overlaps(start: number, end: number): boolean {
    return this.any(1, 0, this.size, lowerBound(this.bounds, start), lowerBound(this.bounds, end));
  }

  /** Covers elementary intervals [from, to) under `node`, which spans [low, high). */
  private mark(node: number, low: number, high: number, from: number, to: number): void {
    if (to <= low || high <= from || this.full[node] === 1) return;
    this.some[node] = 1;
    if (from <= low && high <= to) {
      this.full[node] = 1;
      return;
    }
    const middle = (low + high) >>> 1;
    this.mark(2 * node, low, middle, from, to);
    this.mark(2 * node + 1, middle, high, from, to);
  }

  private any(node: number, low: number, high: number, from: number, to: number): boolean {
    if (to <= low || high <= from || this.some[node] === 0) return false;
    if (this.full[node] === 1 || (from <= low && high <= to)) return true;
    const middle = (low + high) >>> 1;
    return this.any(2 * node, low, middle, from, to) || this.any(2 * node + 1, middle, high, from, to);
  }
}

/**
 * Clusters above this size take `keepDisjoint`. Chat clusters hold two or three findings, for
 * which comparing each candidate with every winner is cheapest; a chain of thousands of
 * overlapping findings (a deny literal '--' in a run of '-') made that quadratic: 1.7 to 3.7 s
 * one-shot for 64 000 '-'.
 */
const LARGE_CLUSTER = 64;

/**
 * The greedy pass of `pickWinners` in O(n log n): `cluster` in order of preference, each
 * candidate kept unless it overlaps a finding kept before it. Kept findings are disjoint, so a
 * candidate [s, e) overlaps one iff a kept finding starts in [s, e), or the last kept finding
 * starting before s ends after s. Kept starts are counted in a Fenwick tree over the cluster's
 * distinct starts, which answers both in O(log n).
 */
function keepDisjoint(cluster: readonly Finding[], kept: Finding[]): void {
  const sorted = Float64Array.from(cluster, (finding) => finding.start).sort();
  let size = 0;
  for (let index = 0; index < sorted.length; index++) if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[size++] = sorted[index];
  const starts = sorted.subarray(0, size);
  const tree = new Int32Array(size + 1);
  /** End of the kept finding starting at `starts[i]`. */
  const keptEnd = new Float64Array(size);
  /** Kept starts among the first `count` distinct starts. */
  const keptBelow = (count: number): number => {
    let total = 0;
    for (let node = count; node > 0; node -= node & -node) total += tree[node];
    return total;
  };
  for (const candidate of cluster) {
    const at = lowerBound(starts, candidate.start);
    const before = keptBelow(at);
    if (keptBelow(lowerBound(starts, candidate.end)) > before) continue;
    if (before > 0 && keptEnd[nthKept(tree, before)] > candidate.start) continue;
    for (let node = at + 1; node <= size; node += node & -node) tree[node]++;
    keptEnd[at] = candidate.end;
    kept.push(candidate);
  }
}

/** Index of the first of `values` (ascending) that is not below `value`. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index (0-based) of the `nth` (1-based) counted start in a Fenwick `tree`. */
function nthKept(tree: Int32Array, nth: number): number {
  let index = 0;
  let step = 1;
  while (step * 2 < tree.length) step *= 2;
  for (; step > 0; step >>= 1) {
    if (index + step < tree.length && tree[index + step] < nth) {
      index += step;
      nth -= tree[index];
    }
  }
  return index;
}
