// Lyrics helpers without DOM dependencies.

/** Letters per line: a scheme as long as all lines maps 1:1, otherwise it repeats per stanza. */
export function rhymeLetters(text, scheme) {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const letters = String(Array.isArray(scheme) ? scheme.join('') : scheme ?? '').replace(/[^A-Za-z]/g, '').toUpperCase();
  const nonBlank = lines.filter((l) => l.trim()).length;
  let global = 0;
  let inStanza = 0;
  return lines.map((line) => {
    if (!line.trim()) {
      inStanza = 0;
      return { line, letter: null };
    }
    const i = letters.length === nonBlank ? global : inStanza;
    global += 1;
    inStanza += 1;
    return { line, letter: letters ? letters[i % letters.length] : null };
  });
}
