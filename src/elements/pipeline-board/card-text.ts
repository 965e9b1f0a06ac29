/** Small text helpers of the board's cards and quick-create form. Pure. */

/**
 * Up to two letters standing for a person: the first letters of the first
 * and last words ("Mia Chen" → "MC"), the first letter of a single word, or
 * the first character of a name written without spaces (Chinese: "王伟" →
 * "王"). Empty for an empty name.
 */
export function ownerInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return '';
  // Iterate by code point so that letters outside the BMP are not split.
  const initial = (word: string): string => ([...word][0] ?? '').toLocaleUpperCase();
  const last = words.length > 1 ? words[words.length - 1]! : null;
  return last ? initial(first) + initial(last) : initial(first);
}

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

/**
 * Reads an amount typed by a person in any supported locale: Persian and
 * Arabic-Indic digits, the Persian decimal separator (٫) and group
 * separators (`,` `٬` and spaces) are accepted. Empty text is 0. Returns null
 * for anything that is not a number of 0 or more.
 */
export function parseAmount(text: string): number | null {
  let ascii = '';
  for (const char of text.trim()) {
    const code = char.codePointAt(0)!;
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) ascii += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_ZERO && code <= ARABIC_ZERO + 9) ascii += String(code - ARABIC_ZERO);
    else if (char === '٫') ascii += '.';
    else if (char === ',' || char === '٬' || /\s/.test(char)) continue;
    else ascii += char;
  }
  if (ascii === '') return 0;
  if (!/^\d*\.?\d*$/.test(ascii) || ascii === '.') return null;
  const amount = Number(ascii);
  return Number.isFinite(amount) && amount >= 0 ? amount : null;
}
