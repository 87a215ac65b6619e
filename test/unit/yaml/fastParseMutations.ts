/** Deterministic random mutations of YAML documents for the fast parser's differential test. */

/** The shared seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
export { seededRandom as prng } from '../../helpers/seededRandom';

/** Characters that matter to YAML syntax (indicators, quotes, white space, line breaks) plus filler. */
const ALPHABET = ' :-#\'"{}[],|>&*!?\n\r\tx1.\\~';

export interface Mutation {
  readonly text: string;
  /** The mutated document is `text[start, text.length)`; a preceding document shifts its offsets. */
  readonly start: number;
}

/** Deletes, inserts or replaces 1–3 characters at random positions of one of `docs`. */
export function mutate(docs: readonly string[], random: () => number): Mutation {
  const pick = (n: number): number => Math.floor(random() * n);
  let doc = docs[pick(docs.length)] ?? '';
  const edits = 1 + pick(3);
  for (let m = 0; m < edits; m++) {
    const at = pick(doc.length + 1);
    const op = random();
    const ch = ALPHABET[pick(ALPHABET.length)] ?? ' ';
    if (op < 1 / 3) doc = doc.slice(0, at) + doc.slice(at + 1);
    else if (op < 2 / 3) doc = doc.slice(0, at) + ch + doc.slice(at);
    else doc = doc.slice(0, at) + ch + doc.slice(at + 1);
  }
  const prefix = random() < 0.5 ? 'previous: document\n' : '';
  return { text: prefix + doc, start: prefix.length };
}
