/** The UTF-8 size of text without allocating its bytes (the same in the browser and Node). */

/** UTF-8 length in bytes of a string (a surrogate pair is one 4-byte character). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}
