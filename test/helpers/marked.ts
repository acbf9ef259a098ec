/**
 * Golden cases written with their expected spans marked in place: `'card ⟦4111 1111 1111 1111⟧.'`
 * is the text `'card 4111 1111 1111 1111.'` with one expected finding at [5, 24). The markers are
 * hand-written expectations, so a golden table stays readable and its offsets exact.
 */
export interface MarkedCase {
  readonly text: string;
  readonly spans: readonly (readonly [number, number])[];
}

const OPEN = '⟦';
const CLOSE = '⟧';

/**
 * Strips the ⟦ ⟧ markers of `marked`, returning the text and the marked spans.
 *
 * @example
 * unmark('a ⟦123⟧ b') // { text: 'a 123 b', spans: [[2, 5]] }
 */
export function unmark(marked: string): MarkedCase {
  let text = '';
  const spans: [number, number][] = [];
  let open = -1;
  for (const char of marked) {
    if (char === OPEN) {
      if (open >= 0) throw new Error('unmark: nested ⟦');
      open = text.length;
    } else if (char === CLOSE) {
      if (open < 0) throw new Error('unmark: ⟧ without ⟦');
      spans.push([open, text.length]);
      open = -1;
    } else text += char;
  }
  if (open >= 0) throw new Error('unmark: unclosed ⟦');
  return { text, spans };
}
