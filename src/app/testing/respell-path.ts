/**
 * Other spellings of a URL path, as an attacker would try them against a guard that looks at the
 * raw URL: percent-encoded letters (lower- and upper-case hex), every character encoded, and the
 * slash, case, dot-segment and delimiter tricks some routers normalise. Which of them a router
 * accepts is for the router to say; the tests ask it.
 */
export interface Respelling {
  how: string;
  path: string;
}

const hex = (ch: string, upper: boolean) => {
  const code = ch.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${upper ? code.toUpperCase() : code}`;
};

/** Encodes every character of a path segment as UTF-8 percent escapes. */
function encodeAll(segment: string): string {
  return [...new TextEncoder().encode(segment)]
    .map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`)
    .join('');
}

function replaceAt(text: string, index: number, by: string): string {
  return text.slice(0, index) + by + text.slice(index + 1);
}

export function respellings(path: string): Respelling[] {
  if (!path.startsWith('/')) throw new Error(`not a path: ${path}`);
  const segments = path.slice(1).split('/');
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const out: Respelling[] = [];

  segments.forEach((segment, i) => {
    const letter = segment.search(/[A-Za-z]/);
    if (letter < 0) return;
    const lower = [...segments];
    lower[i] = replaceAt(segment, letter, hex(segment[letter]!, false));
    out.push({ how: `segment ${i + 1}: first letter as %xx`, path: join(lower) });
    // A letter whose code has a hex letter (j…o, z…), written with upper-case hex digits.
    const withHexLetter = [...segment].findIndex(
      (c) => /[A-Za-z]/.test(c) && /[a-f]/.test(c.charCodeAt(0).toString(16)),
    );
    if (withHexLetter >= 0) {
      const upper = [...segments];
      upper[i] = replaceAt(segment, withHexLetter, hex(segment[withHexLetter]!, true));
      out.push({ how: `segment ${i + 1}: a letter as %XX`, path: join(upper) });
    }
  });
  out.push({ how: 'every character encoded', path: join(segments.map(encodeAll)) });
  out.push({ how: 'upper case', path: path.toUpperCase() });
  out.push({ how: 'trailing slash', path: `${path}/` });
  out.push({ how: 'doubled leading slash', path: `/${path}` });
  if (segments.length > 1)
    out.push({ how: 'doubled inner slash', path: join([segments[0]!, '', ...segments.slice(1)]) });
  out.push({ how: 'dot segment', path: join([segments[0]!, '.', ...segments.slice(1)]) });
  out.push({ how: 'encoded slash', path: `/${segments.join('%2F')}` });
  out.push({ how: 'semicolon suffix', path: `${path};x=1` });
  out.push({ how: 'fragment', path: `${path}#x` });
  return out;
}
