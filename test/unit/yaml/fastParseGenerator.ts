/**
 * Random but mostly valid Kubernetes-like YAML for the fast parser's differential test: nested block
 * mappings and sequences with random indentation, scalars of every supported style, empty values, block
 * scalars, one-line flow collections, and comment / blank lines at random columns between any two lines
 * (the trivia whose placement decides yaml's ranges).
 */

const WORDS = ['name', 'image', 'a', 'b', 'kind', 'x y', 'nginx:1.27', 'http://h/p#f', '-x', 'null', 'True'];
const SCALARS = ['1', '-2', '0x1F', '0o17', '1.50', '.inf', '~', 'true', 'FALSE', '1e3', 'v1', 'a#b', 'Null'];
const QUOTED = ['"q"', '"a\\"b"', "'s''t'", '""', "''", '"\\u00e9\\n"', '"x # y"'];
const FLOWS = ['[]', '{}', '[a, "b", 1]', '{k: v, "q": 2}', '[ x ,y, ]', '{ a: 1 }'];

export function generateYaml(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number): boolean => random() < p;
  const lines: string[] = [];

  const trivia = (): void => {
    while (chance(0.3)) {
      if (chance(0.5)) lines.push(' '.repeat(Math.floor(random() * 3)));
      else lines.push(`${' '.repeat(Math.floor(random() * 9))}# c${lines.length}`);
    }
  };
  const tail = (): string => (chance(0.2) ? ` # t${lines.length}` : chance(0.1) ? '  ' : '');

  const scalar = (): string => {
    const r = random();
    return r < 0.4 ? pick(WORDS) : r < 0.7 ? pick(SCALARS) : r < 0.9 ? pick(QUOTED) : pick(FLOWS);
  };

  const blockScalar = (indent: number): void => {
    const header = `${pick(['|', '>'])}${pick(['', '-', '+'])}`;
    const last = lines.length - 1;
    lines[last] = `${lines[last] ?? ''} ${header}${chance(0.2) ? ' # h' : ''}`;
    const body = indent + 1 + Math.floor(random() * 3);
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      if (i > 0 && chance(0.2)) lines.push(' '.repeat(Math.floor(random() * (body + 2))));
      const extra = chance(0.2) ? 2 : 0;
      lines.push(`${' '.repeat(body + extra)}${pick(['text', '# not a comment', 'more words', 'x: y'])}`);
    }
  };

  const value = (indent: number, depth: number, prefix: string): void => {
    const r = random();
    if (depth < 3 && r < 0.3) {
      lines.push(prefix);
      trivia();
      const step = 1 + Math.floor(random() * 3);
      if (chance(0.5)) mapping(indent + step, depth + 1, '');
      else sequence(chance(0.3) && prefix.endsWith(':') ? indent : indent + step, depth + 1);
    } else if (r < 0.4) {
      lines.push(prefix + tail());
    } else if (r < 0.5) {
      lines.push(prefix);
      blockScalar(indent);
    } else if (r < 0.55) {
      // a plain or single-quoted scalar continued on more indented lines
      const quoted = chance(0.4);
      lines.push(`${prefix} ${quoted ? "'" : ''}${pick(WORDS)}`);
      const more = 1 + Math.floor(random() * 3);
      for (let i = 0; i < more; i++) {
        if (chance(0.2)) lines.push('');
        lines.push(`${' '.repeat(indent + 1 + Math.floor(random() * 3))}${pick(WORDS)}`);
      }
      const last = lines.length - 1;
      lines[last] = `${lines[last] ?? ''}${quoted ? "'" : ''}${tail()}`;
    } else {
      lines.push(`${prefix} ${scalar()}${tail()}`);
    }
  };

  const mapping = (indent: number, depth: number, first: string): void => {
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const lead = i === 0 && first ? first : ' '.repeat(indent);
      // mostly unique keys (a duplicate only bails); sometimes a quoted one
      const key = chance(0.1) ? pick(QUOTED) : chance(0.05) ? pick(WORDS) : `${pick(WORDS)}${i}`;
      value(indent, depth, `${lead}${key}:`);
      trivia();
    }
  };

  const sequence = (indent: number, depth: number): void => {
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const dash = `${' '.repeat(indent)}-${' '.repeat(1 + Math.floor(random() * 2))}`;
      if (depth < 3 && chance(0.4)) mapping(dash.length, depth + 1, dash);
      else if (chance(0.1)) {
        lines.push(dash.trimEnd());
        blockScalar(indent);
      } else lines.push(`${dash}${scalar()}${tail()}`);
      trivia();
    }
  };

  if (chance(0.3)) lines.push(chance(0.5) ? '---' : '--- # doc');
  trivia();
  if (chance(0.2)) sequence(0, 0);
  else mapping(0, 0, '');
  const text = lines.join('\n') + (chance(0.8) ? '\n' : '');
  return chance(0.15) ? text.replace(/\n/g, '\r\n') : text;
}
