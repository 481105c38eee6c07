/**
 * A string as far as the source shows it: known text with holes where a value cannot be read
 * statically. URLs and command lines are judged from these, in any language front end.
 */
export type TextPiece =
  | { readonly type: 'text'; readonly value: string }
  /** A value the source does not show. */
  | { readonly type: 'unknown' }
  /** The address (origin or host) of a server that the file itself starts. */
  | { readonly type: 'server-address' }
  /** A host, port or URL of a container the test starts (`container.getMappedPort(9200)`). */
  | { readonly type: 'container-address' }
  /**
   * The address or port of a stand-in server whose handler the file writes itself
   * (`http.createServer((req, res) => …)`): a fake of a service, not the app.
   */
  | { readonly type: 'stand-in-address' };

export type PartialText = readonly TextPiece[];

export const UNKNOWN_TEXT: PartialText = [{ type: 'unknown' }];
export const SERVER_ADDRESS: PartialText = [{ type: 'server-address' }];
export const CONTAINER_ADDRESS: PartialText = [{ type: 'container-address' }];
export const STAND_IN_ADDRESS: PartialText = [{ type: 'stand-in-address' }];

export function knownText(value: string): PartialText {
  return value === '' ? [] : [{ type: 'text', value }];
}

/** Joins partial texts, merging neighbouring known text. */
export function concatText(...parts: readonly PartialText[]): PartialText {
  const pieces: TextPiece[] = [];
  for (const part of parts) {
    for (const piece of part) {
      const last = pieces[pieces.length - 1];
      if (piece.type === 'text' && last?.type === 'text') {
        pieces[pieces.length - 1] = { type: 'text', value: last.value + piece.value };
      } else if (piece.type !== 'text' || piece.value !== '') {
        pieces.push(piece);
      }
    }
  }
  return pieces;
}

/** The whole value when nothing is unknown, else `null`. */
export function fullText(text: PartialText): string | null {
  let value = '';
  for (const piece of text) {
    if (piece.type !== 'text') return null;
    value += piece.value;
  }
  return value;
}

/** The known text with each hole shown as `${…}`, for messages. */
export function displayText(text: PartialText): string {
  return text.map((piece) => (piece.type === 'text' ? piece.value : '${…}')).join('');
}

/**
 * Splits on whitespace in the known text, the way a shell splits a simple command line.
 * A hole stays inside the word it touches. Quotes group words; other shell syntax is not read.
 */
export function splitWords(text: PartialText): PartialText[] {
  const words: PartialText[] = [];
  let current: TextPiece[] = [];
  let quote: string | null = null;
  const flush = () => {
    if (current.length > 0) words.push(concatText(current));
    current = [];
  };
  for (const piece of text) {
    if (piece.type !== 'text') {
      current.push(piece);
      continue;
    }
    let chunk = '';
    for (const character of piece.value) {
      if (quote) {
        if (character === quote) quote = null;
        else chunk += character;
      } else if (character === '"' || character === "'") {
        quote = character;
        // An empty quoted word still counts as a word.
        if (chunk === '') current.push({ type: 'text', value: '' });
      } else if (/\s/.test(character)) {
        if (chunk !== '') current.push({ type: 'text', value: chunk });
        chunk = '';
        flush();
      } else {
        chunk += character;
      }
    }
    if (chunk !== '') current.push({ type: 'text', value: chunk });
  }
  flush();
  return words;
}
