/**
 * The characters a match of an ECMAScript pattern source (flags `gu`) can begin with, as a test of one
 * character: used to skip places where a match cannot start without running the matching engine.
 */

/** What can begin a match of a pattern source: a test of the first character, and whether the empty text matches. */
export interface FirstCharacters {
  /** Whether the pattern can match the empty text (then any character, or the end of the text, may follow). */
  nullable: boolean;
  /** Whether a match can begin with this character (one code point); null when no character can. */
  test: ((character: string) => boolean) | null;
}

/** Nesting depth past which a source is not analysed (the test is then unknown). */
const MAX_DEPTH = 32;

/**
 * The characters a match of `source` can begin with, or null when the source uses something this
 * analysis does not follow (assertions, lookaround, backreferences, deep nesting): callers then assume any.
 * The test is a regular expression of single-character atoms taken verbatim from the source, tried on one
 * code point: its time does not depend on the text.
 */
export function firstCharacters(source: string): FirstCharacters | null {
  const parsed = new FirstParser(source, false).sequence(0);
  if (parsed === null || parsed.end !== source.length) return null;
  if (parsed.atoms.length === 0) return { nullable: parsed.nullable, test: null };
  const test = atomTest(parsed.atoms);
  return test === null ? null : { nullable: parsed.nullable, test };
}

/**
 * Of `candidates` (single characters), those no match of an ECMAScript pattern source (flags `gu`) can
 * contain: no single-character atom of the source, wherever it stands, accepts them. Null when the
 * source uses something this analysis does not follow (see {@link firstCharacters}).
 */
export function charactersNoMatchContains(source: string, candidates: readonly string[]): string[] | null {
  const parsed = new FirstParser(source, true).sequence(0);
  if (parsed === null || parsed.end !== source.length) return null;
  const test = parsed.atoms.length === 0 ? () => false : atomTest(parsed.atoms);
  return test === null ? null : candidates.filter((character) => !test(character));
}

/** A test of one code point against single-character atoms (sources), or null when they do not compile. */
function atomTest(atoms: readonly string[]): ((character: string) => boolean) | null {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${atoms.join('|')})$`, 'u');
  } catch {
    return null;
  }
  return (character) => regex.test(character);
}

interface Parsed {
  /** Sources of the single-character atoms a match can begin with (or, parsing every element, contain). */
  atoms: string[];
  nullable: boolean;
  /** Where the parsed part ends in the source. */
  end: number;
}

class FirstParser {
  private readonly source: string;
  /** Collect the atoms of every element, not only of those a match can begin with. */
  private readonly every: boolean;

  constructor(source: string, every: boolean) {
    this.source = source;
    this.every = every;
  }

  /** A sequence of alternatives from `at` up to an unmatched `)` or the end. */
  sequence(at: number, depth = 0): Parsed | null {
    if (depth > MAX_DEPTH) return null;
    const atoms: string[] = [];
    let nullable = false;
    let i = at;
    for (;;) {
      const alternative = this.alternative(i, depth);
      if (alternative === null) return null;
      atoms.push(...alternative.atoms);
      nullable ||= alternative.nullable;
      i = alternative.end;
      if (this.source[i] !== '|') return { atoms, nullable, end: i };
      i++;
    }
  }

  /** One alternative: elements up to `|`, `)` or the end; its first characters are those up to the first element that cannot be empty. */
  private alternative(at: number, depth: number): Parsed | null {
    const atoms: string[] = [];
    let nullable = true;
    let i = at;
    while (i < this.source.length && this.source[i] !== '|' && this.source[i] !== ')') {
      const element = this.element(i, depth);
      if (element === null) return null;
      const quantifier = this.quantifier(element.end);
      if (quantifier === null) return null;
      if (nullable || this.every) atoms.push(...element.atoms);
      nullable &&= element.nullable || quantifier.min === 0;
      i = quantifier.end;
    }
    return { atoms, nullable, end: i };
  }

  private element(at: number, depth: number): Parsed | null {
    const s = this.source;
    const c = s[at];
    if (c === '(') {
      let bodyStart: number;
      if (s.startsWith('(?:', at)) bodyStart = at + 3;
      else if (s.startsWith('(?<', at) && s[at + 3] !== '=' && s[at + 3] !== '!') {
        const close = s.indexOf('>', at);
        if (close < 0) return null;
        bodyStart = close + 1;
      } else if (s[at + 1] === '?') return null; // lookaround or a modifier group
      else bodyStart = at + 1;
      const body = this.sequence(bodyStart, depth + 1);
      if (body === null || s[body.end] !== ')') return null;
      return { atoms: body.atoms, nullable: body.nullable, end: body.end + 1 };
    }
    if (c === '[') {
      let i = at + 1;
      if (s[i] === '^') i++;
      if (s[i] === ']') i++;
      for (; i < s.length && s[i] !== ']'; i++) {
        if (s[i] === '\\') i++;
      }
      if (i >= s.length) return null;
      return { atoms: [s.slice(at, i + 1)], nullable: false, end: i + 1 };
    }
    if (c === '\\') {
      const end = this.escapeEnd(at);
      if (end === null) return null;
      return { atoms: [s.slice(at, end)], nullable: false, end };
    }
    if (c === '^' || c === '$' || c === '*' || c === '+' || c === '?' || c === '{' || c === ']' || c === '}') return null;
    // A literal character or `.`, as a whole code point.
    const width = (s.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    return { atoms: [s.slice(at, at + width)], nullable: false, end: at + width };
  }

  /** The end of the escape at `at`, or null for assertions and backreferences. */
  private escapeEnd(at: number): number | null {
    const s = this.source;
    const next = s[at + 1];
    if (next === undefined || next === 'b' || next === 'B' || next === 'k' || (next >= '1' && next <= '9')) return null;
    if ((next === 'u' && s[at + 2] === '{') || next === 'p' || next === 'P') {
      const close = s.indexOf('}', at);
      return close < 0 ? null : close + 1;
    }
    if (next === 'u') {
      // A surrogate pair written as two escapes is one code point in `u` mode.
      const high = parseInt(s.slice(at + 2, at + 6), 16);
      return high >= 0xd800 && high <= 0xdbff && s.startsWith('\\u', at + 6) ? at + 12 : at + 6;
    }
    if (next === 'x') return at + 4;
    if (next === 'c') return at + 3;
    return at + 2;
  }

  private quantifier(at: number): { min: number; end: number } | null {
    const s = this.source;
    let min = 1;
    let end = at;
    if (s[at] === '?' || s[at] === '*') {
      min = 0;
      end = at + 1;
    } else if (s[at] === '+') {
      end = at + 1;
    } else if (s[at] === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(at, at + 32));
      if (!m) return null;
      min = Number(m[1]);
      end = at + m[0].length;
    } else {
      return { min, end };
    }
    if (s[end] === '?') end++;
    return { min, end };
  }
}
