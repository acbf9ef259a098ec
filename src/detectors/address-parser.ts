import { POSTCODE_REACH, caPostalEnd, digitCodeEnd, ukPostcodeEnd, usZipEnd } from '../data/postcodes.js';
import {
  ABBREVIATION,
  AMBIGUOUS_STATE,
  AU_STATE,
  CA_PROVINCE,
  CITY_PARTICLE,
  COUNT,
  COUNTRY,
  CUE,
  DE_TYPE,
  DIRECTION,
  FR_PARTICLE,
  FR_TYPE,
  type Lexicon,
  MAX_PHRASE_WORDS,
  MONTH,
  NOT_NAME,
  NUMBER_CONTEXT,
  ROAD,
  STRONG,
  STRONG_CAP,
  SUFFIX,
  TEMPORAL,
  UNIT_ALONE,
  UNIT_ID,
  US_STATE,
  wordFlagsAt,
} from './address-lexicon.js';
import {
  ALNUM,
  CLOSE,
  COMMA,
  DASHNUM,
  END,
  HASH,
  IDENT,
  NUM,
  OPEN,
  ORD,
  SLASHNUM,
  type Token,
  WORD,
  type Window,
  codeIn,
  isBlank,
  isLetterAt,
  readToken,
  wordBefore,
} from './address-tokens.js';
import { gluedBefore, isYearAt } from './address-screen.js';

/**
 * The STREET_ADDRESS state machine for one anchor (internal). An anchor is the start of a digit
 * run; the machine reads tokens lazily from it (house number → [pre-direction] → name words →
 * suffix → [post-direction] → [units] → [city, state/province, ZIP/postcode] → [country]) plus the
 * forms that start before the number: "P.O. Box 12", "Flat 3, 12 High St", "Hauptstraße 5".
 * It never backtracks over more than the ~20 tokens of one address, and reads only the window
 * `[win.lo, win.end)`.
 */

/** Furthest a finding may start before its anchor ("Post Office Box ", "Karl-Marx-Allee "). */
export const BACK = 64;

/** A finding's span. */
export interface Span {
  start: number;
  end: number;
}

/** What follows a street line. `lastLine`: 0 none, 1 city + state, 2 with a ZIP or postcode. */
interface Tail {
  end: number;
  units: number;
  lastLine: number;
}

const COUNTRY_KINDS = COUNTRY;
const REGION_KINDS = US_STATE | CA_PROVINCE | AU_STATE;

export class AddressParser {
  /** Earliest start this anchor considered: what a stream must hold while the match is open. */
  earliest = 0;
  private anchor = 0;

  /** One parser serves every anchor of a detector (`run` after `reset`), reading through `win`. */
  constructor(
    private readonly win: Window,
    private readonly lex: Lexicon,
  ) {}

  /** Starts over at `anchor` (the window must already hold the anchor's text and bounds). */
  reset(anchor: number): void {
    this.anchor = anchor;
    this.earliest = anchor;
  }

  /** The address anchored at `anchor`, or undefined. */
  run(): Span | undefined {
    const { win, anchor } = this;
    if (gluedBefore(win.text, anchor, win.lo)) return undefined;
    const prev = wordBefore(win, anchor);
    if (prev !== undefined) {
      const flags = prev.flags;
      if (this.germanStart(prev) >= 0) return this.german(prev);
      if (prev.is('box')) return this.poBox(prev.start);
      if (flags & UNIT_ID) return this.unitFirst(prev.start);
      if (flags & (NUMBER_CONTEXT | MONTH)) return undefined;
      if (prev.cap === 2 && prev.length <= 3 && !prev.dot) return undefined; // "UA 1234", "NY 10001"
      if (flags & TEMPORAL && isYearAt(win, anchor)) return undefined;
    }
    const house = readToken(win, anchor);
    if (!isHouseNumber(house)) return undefined;
    return this.french(house) ?? this.street(anchor, house.next, false, false);
  }

  /**
   * Street line from `pos` (just after the house number), then its tail. `hasUnit`: a unit came
   * before ("Flat 3, 12 High St"); `needLastLine`: no house number, so a last line is required.
   */
  private street(start: number, pos: number, hasUnit: boolean, needLastLine: boolean): Span | undefined {
    const { win } = this;
    const first = readToken(win, pos);
    const road = first.kind === WORD && !needLastLine ? this.phrase(first, ROAD) : undefined;
    if (road !== undefined) {
      const number = readToken(win, road.next);
      if (number.kind === NUM || number.kind === ALNUM) {
        const tail = this.tail(this.after(number), number.end);
        return { start, end: tail.end };
      }
    }
    const names: Token[] = [];
    let token = first;
    for (let index = 0; index < 6; index++) {
      if (token.kind === WORD) {
        const flags = token.flags;
        if (flags & (UNIT_ID | UNIT_ALONE) && !(flags & SUFFIX) && index > 0) break;
        // "123 The Street" (British): a capitalised "The" right before a suffix is a name.
        // A capital 'A' inside a name is an initial ("500 Terry A Francois Blvd"), not the article.
        const initial = index > 0 && token.length === 1 && token.cap > 0 && names[index - 1].cap > 0;
        if (flags & NOT_NAME && !initial && !(index === 0 && token.is('the') && token.cap === 1 && readToken(win, token.next).flags & SUFFIX)) break;
        if (index === 0 && flags & (COUNT | MONTH)) return undefined;
        if (token.cap === 0 && flags & COUNT && !(flags & STRONG)) break;
        names.push(token);
        if (token.dot && !(flags & (ABBREVIATION | DIRECTION)) && token.length > 2) break;
      } else if (token.kind === ORD) {
        names.push(token);
      } else if (token.kind === NUM || token.kind === ALNUM) {
        // "586 W 207 St", "14952 121a Ave": a numbered street right before its suffix. Not after
        // a street type word: in "1 Avenue 1 Avenue 1 Avenue" the number starts the next address,
        // and reading it as a name chained overlapping addresses without end (a stream held them all).
        if (hasSuffixWord(names)) break;
        const next = readToken(win, token.next);
        if (next.kind === WORD && next.flags & SUFFIX) names.push(token, next);
        break;
      } else break;
      token = readToken(win, token.next);
    }
    let suffix = -1;
    let strong = false;
    for (let index = 1; index < names.length; index++) {
      const name = names[index];
      if (name.kind !== WORD) continue;
      const flags = name.flags;
      if (!(flags & SUFFIX)) continue;
      suffix = index;
      if (flags & STRONG || (flags & STRONG_CAP && name.cap > 0)) {
        strong = true;
        break;
      }
    }
    if (suffix < 0) {
      // No suffix ("12 Broadway Apt 3, New York, NY 10001"): needs a unit and a last line.
      if (names.length === 0 || names.length > 3 || names.some((name) => name.kind !== WORD || name.cap === 0)) return undefined;
      const last = names[names.length - 1];
      const tail = this.tail(this.after(last), last.end);
      // "80 Strand, London WC2R 0RL": a one- or two-word name is enough before a postcode.
      const postcoded = tail.lastLine === 2 && names.length <= 2;
      return ((hasUnit || tail.units > 0) && tail.lastLine > 0) || postcoded ? { start, end: tail.end } : undefined;
    }
    let lowerName = true;
    let nameIsSuffix = false;
    for (let index = 0; index < suffix; index++) {
      const name = names[index];
      if (name.kind !== WORD) continue;
      if (name.cap > 0) lowerName = false;
      if (name.flags & SUFFIX) nameIsSuffix = true;
    }
    const last = names[suffix];
    const tail = this.tail(this.after(last), last.end);
    if (needLastLine) return tail.lastLine > 0 ? { start, end: tail.end } : undefined;
    if (lowerName && last.cap === 0 && (!strong || nameIsSuffix)) {
      // Guard 9: lower-case name and lower-case weak suffix need a last line or a cue.
      return tail.lastLine > 0 || this.cue(start) ? { start, end: tail.end } : undefined;
    }
    if (strong || hasUnit || tail.units > 0 || tail.lastLine > 0 || this.cue(start)) return { start, end: tail.end };
    return undefined;
  }

  /** Where to read on after `token`, or -1 when its '.' ends a sentence ("Oak Way. Then"). */
  private after(token: Token): number {
    if (!token.dot) return token.next;
    if (token.kind !== WORD) return -1;
    const flags = token.flags;
    return flags & (ABBREVIATION | DIRECTION) || token.length <= 2 ? token.next : -1;
  }

  /** [post-direction] [units] [last line] [country] after a street line ending at `end`. */
  private tail(pos: number, end: number): Tail {
    const result: Tail = { end, units: 0, lastLine: 0 };
    if (pos < 0) return result;
    const { win } = this;
    let token = readToken(win, pos);
    if (token.kind === WORD && token.flags & DIRECTION) {
      let take = false;
      if (token.length <= 2) take = token.cap === 2 || (token.length === 1 && token.cap === 1);
      else if (token.cap > 0 && !token.dot) {
        const next = readToken(win, token.next);
        take = next.kind === COMMA || next.kind === END || next.kind === HASH || (next.kind === WORD && (next.flags & (UNIT_ID | UNIT_ALONE)) !== 0);
      }
      if (take) {
        result.end = token.end;
        pos = this.after(token);
        if (pos < 0) return result;
        token = readToken(win, pos);
      }
    }
    for (let count = 0; count < 2; count++) {
      const candidate = token.kind === COMMA ? readToken(win, token.next) : token;
      const unit = this.unit(candidate);
      if (unit === undefined) break;
      // A second unit followed by a house number starts the next address ("12 High Street
      // Flat 3, Flat 3, 12 High Street"): taken here too, the two findings overlapped, the
      // longer won and left the rest of the other in clear, and repeated they chained without end.
      if (count === 1 && this.startsUnitFirst(unit)) break;
      result.units++;
      result.end = unit.end;
      pos = unit.dot && unit.kind !== WORD ? -1 : unit.next;
      if (pos < 0) return result;
      token = readToken(win, pos);
    }
    const line = this.lastLine(pos);
    if (line.lastLine > 0) {
      result.end = line.end;
      result.lastLine = line.lastLine;
    }
    return result;
  }

  /** True when a house number (after an optional comma) follows the unit ending with `last`. */
  private startsUnitFirst(last: Token): boolean {
    if (last.dot && last.kind !== WORD) return false;
    let token = readToken(this.win, last.next);
    if (token.kind === COMMA) token = readToken(this.win, token.next);
    return isHouseNumber(token);
  }

  /** A unit ("Apt 4B", "Suite #205", "# 12", "3rd Floor", "Rear"): its last token, or undefined. */
  private unit(token: Token): Token | undefined {
    const { win } = this;
    if (token.kind === WORD) {
      const flags = token.flags;
      if (flags & UNIT_ID) {
        let id = readToken(win, token.next);
        if (id.kind === HASH) id = readToken(win, id.next);
        return isUnitId(id) ? id : undefined;
      }
      if (flags & UNIT_ALONE && token.cap > 0) {
        const id = readToken(win, token.next);
        return isUnitId(id) && id.kind !== WORD ? id : token;
      }
      return undefined;
    }
    if (token.kind === HASH) {
      const id = readToken(win, token.next);
      return isUnitId(id) ? id : undefined;
    }
    if (token.kind === ORD) {
      const floor = readToken(win, token.next);
      return floor.kind === WORD && (floor.is('floor') || floor.is('fl')) ? floor : undefined;
    }
    return undefined;
  }

  /** [","] [city] [","] (state [postcode] | postcode) [[","] country], longest reading wins. */
  private lastLine(pos: number): { end: number; lastLine: number } {
    const best = { end: -1, lastLine: 0 };
    if (pos < 0) return best;
    const { win } = this;
    let token = readToken(win, pos);
    const comma = token.kind === COMMA;
    if (comma) token = readToken(win, token.next);
    this.afterCity(token, 0, comma, false, best);
    let city = token;
    let lower = false;
    for (let count = 1; count <= 4 && this.isCityWord(city, count - 1); count++) {
      if (city.cap === 0 && !(city.flags & CITY_PARTICLE)) lower = true;
      let next = readToken(win, city.next);
      const separated = next.kind === COMMA;
      if (separated) next = readToken(win, next.next);
      this.afterCity(next, count, comma || separated, lower, best);
      if (city.dot && city.length > 3) break;
      city = readToken(win, city.next);
    }
    if (best.end < 0) return best;
    let next = readToken(win, best.end);
    if (next.kind === COMMA) next = readToken(win, next.next);
    const country = next.kind === WORD && next.cap > 0 ? this.phrase(next, COUNTRY_KINDS) : undefined;
    if (country !== undefined) best.end = country.end;
    return best;
  }

  private isCityWord(token: Token, index: number): boolean {
    if (token.kind !== WORD) return false;
    const flags = token.flags;
    if (index > 0 && token.cap === 0 && flags & CITY_PARTICLE) return true;
    return !(flags & (NOT_NAME | UNIT_ID | UNIT_ALONE)) && (token.cap > 0 || !(flags & COUNT));
  }

  /** Offers the readings that can follow `count` city words at `token`. */
  private afterCity(token: Token, count: number, comma: boolean, lower: boolean, best: { end: number; lastLine: number }): void {
    const { win } = this;
    const offer = (end: number, strength: number): void => {
      if (end < 0 || (lower && strength < 2)) return;
      if (end > best.end) {
        best.end = end;
        best.lastLine = strength;
      }
    };
    if (token.kind === END) return;
    this.near(token.start);
    if (token.kind === WORD || token.kind === IDENT) {
      offer(ukPostcodeEnd(win.text, token.start, win.end), 2);
      offer(caPostalEnd(win.text, token.start, win.end), 2);
    }
    if ((token.kind === NUM || token.kind === DASHNUM) && count > 0) offer(usZipEnd(win.text, token.start, win.end), 2);
    if (token.kind === OPEN) {
      // "Montréal (Québec) H2L 2C4"
      const inner = readToken(win, token.next);
      const region = this.phrase(inner, REGION_KINDS);
      if (region === undefined || count === 0) return;
      const close = readToken(win, region.next);
      if (close.kind !== CLOSE) return;
      offer(close.end, 1);
      offer(this.postcodeAfter(readToken(win, close.next), region.kind), 2);
      return;
    }
    const region = this.phrase(token, REGION_KINDS);
    if (region === undefined) return;
    const isCode = region.words === 1 && token.length <= 3;
    if (!isCode && token.cap === 0) return;
    const code = this.postcodeAfter(readToken(win, region.next), region.kind);
    if (code >= 0) return offer(code, 2);
    if (count === 0) return;
    if (isCode && (token.cap !== 2 || (token.flags & AMBIGUOUS_STATE && !comma))) return;
    offer(region.end, 1);
  }

  /** A ZIP, Canadian postal code or Australian postcode fitting `kinds`, or -1. */
  private postcodeAfter(token: Token, kinds: number): number {
    const { win } = this;
    if (token.kind === COMMA) token = readToken(win, token.next);
    if (token.kind === END) return -1;
    this.near(token.start);
    if (kinds & US_STATE && (token.kind === NUM || token.kind === DASHNUM)) {
      const end = usZipEnd(win.text, token.start, win.end);
      if (end >= 0) return end;
    }
    if (kinds & AU_STATE && token.kind === NUM) {
      const end = digitCodeEnd(win.text, token.start, win.end, 4);
      if (end >= 0) return end;
    }
    if (kinds & CA_PROVINCE && (token.kind === WORD || token.kind === IDENT)) return caPostalEnd(win.text, token.start, win.end);
    return -1;
  }

  /**
   * Postcode matchers read the text directly, up to `POSTCODE_REACH` code units from `pos`: record
   * the furthest of those reads through `codeIn`, so a code cut by the end of the text is open.
   */
  private near(pos: number): void {
    codeIn(this.win, pos + POSTCODE_REACH - 1);
  }

  /**
   * The longest phrase of `kinds` starting at `token` (1-4 words; "U.S.A." as dotted letters).
   * For a stream it reads up to four words whatever the tree says: a phrase cut by the end of
   * the text must be open, and the reads are what records that.
   */
  private phrase(token: Token, kinds: number): { kind: number; end: number; next: number; words: number } | undefined {
    if (token.kind !== WORD) return undefined;
    let node = token.id >= 0 ? this.lex.phraseTree.get(token.word) : undefined;
    if (node === undefined && !this.win.stream) return undefined;
    let current = token;
    let found: { kind: number; end: number; next: number; words: number } | undefined;
    for (let words = 1; ; words++) {
      const kind = node === undefined ? 0 : node.kinds | (words > 1 ? node.dotted : 0);
      if (kind & kinds) found = { kind: kind & kinds, end: current.end, next: current.next, words };
      if (words === MAX_PHRASE_WORDS) break;
      const next = readToken(this.win, current.next);
      if (next.kind !== WORD) break;
      // Every word of a phrase is in the lexicon's table: an unknown word ends the walk.
      node = node === undefined || next.id < 0 ? undefined : node.next.get(next.word);
      current = next;
    }
    return found;
  }

  /** A location cue among the five words before `start` ("I live at", "ship it to", "address:"). */
  private cue(start: number): boolean {
    const { text, lo } = this.win;
    let index = start;
    for (let count = 0; count < 5; count++) {
      let skipped = 0;
      while (index > lo && skipped < 8 && !isLetterAt(text, index - 1)) {
        index--;
        skipped++;
      }
      const end = index;
      while (index > lo && end - index <= 40 && isLetterAt(text, index - 1)) index--;
      if (index === end) return false;
      if (wordFlagsAt(this.lex, text, index, end) & CUE) return true;
    }
    return false;
  }

  /** Start of a German street name ending right before the anchor, or -1. */
  private germanStart(prev: Token): number {
    if (prev.cap === 0) return -1;
    if (prev.flags & DE_TYPE) {
      if (prev.is('str') && !prev.dot) return -1;
      // "Berliner Straße 12", "Alte Allee 3": an adjective (capitalised, -e or -er) before the type word.
      const before = wordBefore(this.win, prev.start);
      if (before === undefined || before.dot || !isGermanAdjective(before, before.cap > 0)) return -1;
      return before.start >= this.anchor - BACK ? before.start : -1;
    }
    for (const type of this.lex.germanTypes) {
      if (prev.length > type.length + 2 && prev.endsWith(type) && (type !== 'str' || prev.dot)) return prev.start >= this.anchor - BACK ? prev.start : -1;
    }
    return -1;
  }

  /** "Hauptstraße 5, 10115 Berlin": name, house number, then PLZ + city or a cue before. */
  private german(prev: Token): Span | undefined {
    const { win } = this;
    const start = this.germanStart(prev);
    this.earliest = Math.min(this.earliest, start);
    const house = readToken(win, this.anchor);
    if (house.kind !== NUM && house.kind !== ALNUM && house.kind !== DASHNUM) return undefined;
    let token = readToken(win, house.next);
    if (token.kind === COMMA) token = readToken(win, token.next);
    if (token.kind === NUM) {
      this.near(token.start);
      const plz = digitCodeEnd(win.text, token.start, win.end, 5);
      const city = plz >= 0 ? this.cityWords(readToken(win, plz)) : -1;
      if (city >= 0) return { start, end: this.country(city) };
    }
    return this.cue(start) ? { start, end: house.end } : undefined;
  }

  /** End of 1-3 capitalised city words (particles allowed inside), or -1. */
  private cityWords(token: Token): number {
    let end = -1;
    let current = token;
    for (let count = 0; count < 4 && current.kind === WORD; count++) {
      const flags = current.flags;
      if (current.cap > 0 && !(flags & (NOT_NAME | UNIT_ID))) end = current.end;
      else if (!(count > 0 && flags & (CITY_PARTICLE | FR_PARTICLE))) break;
      if (current.dot) break;
      current = readToken(this.win, current.next);
    }
    return end;
  }

  /** Extends `end` over ", Germany" / ", France" / ", USA" when one follows. */
  private country(end: number): number {
    let next = readToken(this.win, end);
    if (next.kind === COMMA) next = readToken(this.win, next.next);
    const country = next.kind === WORD && next.cap > 0 ? this.phrase(next, COUNTRY_KINDS) : undefined;
    return country === undefined ? end : country.end;
  }

  /** "12 rue de la Paix, 75002 Paris", "405, rue Sainte-Catherine Est Montréal (Québec) H2L 2C4". */
  private french(house: Token): Span | undefined {
    const { win } = this;
    let token = readToken(win, house.next);
    if (token.kind === WORD && (token.is('bis') || token.is('ter'))) token = readToken(win, token.next);
    if (token.kind === COMMA) token = readToken(win, token.next);
    if (token.kind !== WORD || !(token.flags & FR_TYPE)) return undefined;
    // Name words: capitalised words and particles ("de la Paix", "d'Orsay", "Sainte-Catherine Est").
    // Without a comma the city may follow directly, so every capitalised word is a possible end.
    const ends: Token[] = [];
    let current = readToken(win, token.next);
    for (let count = 0; count < 6 && current.kind === WORD; count++) {
      const flags = current.flags;
      const elided = (current.word.startsWith("d'") || current.word.startsWith("l'") || current.word.startsWith('d’') || current.word.startsWith('l’')) && current.length > 2;
      if (current.cap > 0 || (elided && win.text[current.start + 2] !== win.text[current.start + 2].toLowerCase())) ends.push(current);
      else if (!(flags & FR_PARTICLE)) break;
      if (current.dot) break;
      current = readToken(win, current.next);
    }
    if (ends.length === 0) return undefined;
    let best = -1;
    for (const last of ends) {
      let next = readToken(win, last.next);
      if (next.kind === COMMA) next = readToken(win, next.next);
      if (next.kind === NUM) {
        this.near(next.start);
        const code = digitCodeEnd(win.text, next.start, win.end, 5);
        const city = code >= 0 ? this.cityWords(readToken(win, code)) : -1;
        if (city >= 0) best = Math.max(best, this.country(city));
      }
      const line = this.lastLine(last.dot ? -1 : last.next);
      if (line.lastLine === 2) best = Math.max(best, line.end);
    }
    if (best >= 0) return { start: this.anchor, end: best };
    const last = ends[ends.length - 1];
    return this.cue(this.anchor) ? { start: this.anchor, end: last.end } : undefined;
  }

  /**
   * A British street line without a house number, read back from the postcode whose outward
   * code holds the anchor: "Hammersmith Bridge Road, London W6 9EJ", "Marlborough Rd, St.
   * James's, London SW1A 1BQ" (many British addresses name the house or the building instead of
   * numbering it). Back from the outward code: 1-3 capitalised city words, a comma, then either
   * the street line (capitalised name words and a capitalised street type right before the
   * comma) or a locality of 1-3 capitalised words, a comma and the street line; then a house
   * name of 1-4 capitalised words and a comma, when there is one. The last line is
   * then read forward as after any street line, and must reach through the postcode: the back
   * reading alone is never an address. Everything read back lies within BACK of the anchor.
   * `outward`: start of the outward code (1-2 capital letters right before the anchor).
   */
  ukBack(outward: number): Span | undefined {
    const { win, anchor } = this;
    const limit = Math.max(win.lo, anchor - BACK);
    let pos = commaBefore(win, outward, limit);
    pos = this.capitalWordsBefore(pos < 0 ? outward : pos, limit, 3);
    let comma = commaBefore(win, pos, limit);
    if (comma < 0) return undefined;
    const cityComma = comma;
    let start = this.streetLineBefore(comma, limit);
    if (start < 0) {
      // A locality between the street line and the city ("St. James's", "Mayfair").
      const locality = this.capitalWordsBefore(comma, limit, 3);
      if (locality === comma) return undefined;
      comma = commaBefore(win, locality, limit);
      if (comma < 0) return undefined;
      start = this.streetLineBefore(comma, limit);
      if (start < 0) return undefined;
    }
    // The house or building name before the street line ("Rose Cottage, Mill Lane, …", "The Old
    // Rectory, Vicarage Road, …"): it names the home as a number would.
    const nameComma = commaBefore(win, start, limit);
    if (nameComma >= 0) {
      const name = this.capitalWordsBefore(nameComma, limit, 4);
      if (name < nameComma) {
        const article = wordBefore(win, name);
        start = article !== undefined && article.is('the') && article.cap > 0 && !article.dot && article.start >= limit ? article.start : name;
      }
    }
    this.earliest = Math.min(this.earliest, start);
    const line = this.lastLine(cityComma);
    if (line.lastLine !== 2) return undefined;
    const code = ukPostcodeEnd(win.text, outward, win.end);
    return code >= 0 && line.end >= code ? { start, end: line.end } : undefined;
  }

  /**
   * Start of the capitalised words (at most `most`, none a NOT_NAME word, each starting at or
   * after `limit`) ending right before `pos`, or `pos` when there is none.
   */
  private capitalWordsBefore(pos: number, limit: number, most: number): number {
    let start = pos;
    for (let count = 0; count < most; count++) {
      const word = wordBefore(this.win, start);
      if (word === undefined || word.cap === 0 || word.flags & NOT_NAME || word.start < limit) break;
      // "James's" of "St. James's" has a dot after "St"; any other dotted word ends a sentence.
      if (count > 0 && word.dot && !(word.flags & (ABBREVIATION | DIRECTION)) && word.length > 2) break;
      start = word.start;
    }
    return start;
  }

  /**
   * Start of a street line ending right before `comma`: a capitalised street type after 1-4
   * capitalised name words ("Hammersmith Bridge Road", "Corn St"), or -1.
   */
  private streetLineBefore(comma: number, limit: number): number {
    const type = wordBefore(this.win, comma);
    if (type === undefined || type.cap === 0 || !(type.flags & SUFFIX) || type.start < limit) return -1;
    const start = this.capitalWordsBefore(type.start, limit, 4);
    return start === type.start ? -1 : start;
  }

  /** "P.O. Box 123", "PO Box 9", "Post Office Box 77", with an optional last line. */
  private poBox(boxStart: number): Span | undefined {
    const { win } = this;
    const before = wordBefore(win, boxStart);
    let start = -1;
    if (before !== undefined) {
      if (before.is('po') || before.is('pob')) start = before.start;
      else if (before.is('o') || before.is('office')) {
        const first = wordBefore(win, before.start);
        if (first !== undefined && first.is(before.is('o') ? 'p' : 'post')) start = first.start;
      }
    }
    if (start < 0 || start < this.anchor - BACK) return undefined;
    this.earliest = Math.min(this.earliest, start);
    const number = readToken(win, this.anchor);
    if (number.kind !== NUM && number.kind !== ALNUM) return undefined;
    const line = this.lastLine(number.dot ? -1 : number.next);
    return { start, end: line.lastLine > 0 ? line.end : number.end };
  }

  /** "Flat 3, 12 High Street", "Unit 5/12 Smith St", "Flat 05, Byrne Shores, Leeds LS1 8TL". */
  private unitFirst(unitStart: number): Span | undefined {
    const { win } = this;
    if (unitStart < this.anchor - BACK) return undefined;
    this.earliest = Math.min(this.earliest, unitStart);
    // The unit of the address before ("12 Main Street Apt 4, 15 Oak Ave"), not a unit-first
    // address: read so, it swallowed the next address, resolution kept it over "12 Main Street
    // Apt 4" and left "12 Main Street" unredacted, and such addresses chained without end.
    // Not after a lower-case "is", a type too (USPS "IS", island: "my address is Flat 5, 38
    // Queens Road"); after any other lower-case type it is ("12 main st apt 4 12 main st" read
    // "apt 4 12 main st apt 4" and left "12 main st" in clear).
    // Across a comma too ("12 Main St, Apt 4, 15 Oak Ave").
    let wordEnd = unitStart;
    while (wordEnd > win.lo && isBlank(win.text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd > win.lo && win.text.charCodeAt(wordEnd - 1) === COMMA_CODE) wordEnd--;
    const before = wordBefore(win, wordEnd);
    if (before !== undefined && (before.flags & SUFFIX) !== 0 && (before.cap > 0 || !before.is('is'))) return undefined;
    const id = readToken(win, this.anchor);
    if (id.kind !== NUM && id.kind !== ALNUM && id.kind !== SLASHNUM && id.kind !== DASHNUM) return undefined;
    let token = readToken(win, id.next);
    if (token.kind === COMMA) token = readToken(win, token.next);
    if (isHouseNumber(token)) return this.street(unitStart, token.next, true, false);
    if (token.kind === WORD && token.cap > 0) return this.street(unitStart, token.start, true, true);
    return undefined;
  }
}

/** Index of a comma right before `pos` (blanks and one line break between allowed), or -1. */
function commaBefore(win: Window, pos: number, limit: number): number {
  const { text } = win;
  let index = pos;
  let newlines = 0;
  while (index > limit) {
    const code = text.charCodeAt(index - 1);
    if (code === NEWLINE_CODE && ++newlines > 1) return -1;
    if (!isBlank(code) && code !== NEWLINE_CODE) break;
    index--;
  }
  return index > limit && text.charCodeAt(index - 1) === COMMA_CODE ? index - 1 : -1;
}

/** A capitalised word that can name a German street before its type word ("Berliner", "Alte"). */
export function isGermanAdjective(word: { readonly length: number; endsWith(suffix: string): boolean }, capitalised: boolean): boolean {
  return capitalised && word.length > 2 && (word.endsWith('er') || word.endsWith('e'));
}

const COMMA_CODE = 44; // ','
const NEWLINE_CODE = 10; // '\n'

/** True when one of `names` is a street type word ("Avenue", "St"). */
function hasSuffixWord(names: readonly Token[]): boolean {
  for (const name of names) if (name.kind === WORD && (name.flags & SUFFIX) !== 0) return true;
  return false;
}

function isHouseNumber(token: Token): boolean {
  return token.kind === NUM || token.kind === ALNUM || token.kind === SLASHNUM || token.kind === DASHNUM;
}

function isUnitId(token: Token): boolean {
  if (token.kind === NUM || token.kind === ALNUM || token.kind === IDENT || token.kind === DASHNUM || token.kind === SLASHNUM) return true;
  return token.kind === WORD && token.length === 1;
}
