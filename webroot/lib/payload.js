// Normalises stored payloads and artifacts into the shapes the cards render (no DOM).

const KINDS = ['playlist', 'lyrics', 'melody'];

/** Pulls playlist/lyrics/melody objects out of a stored message payload (several shapes). */
export function payloadArtifacts(payload) {
  let p = payload;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      return [];
    }
  }
  if (!p || typeof p !== 'object') return [];
  const list = Array.isArray(p) ? p : Array.isArray(p.events) ? p.events : Array.isArray(p.artifacts) ? p.artifacts : [p];
  const out = [];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object') continue;
    for (const kind of KINDS) {
      const v = entry[kind];
      if (Array.isArray(v)) v.forEach((x) => out.push({ kind, value: x }));
      else if (v && typeof v === 'object') out.push({ kind, value: v });
    }
  }
  return out;
}

function parseContent(content) {
  if (typeof content !== 'string') return content;
  const t = content.trim();
  if (t.startsWith('{')) {
    try {
      return JSON.parse(t);
    } catch {
      // plain text
    }
  }
  return content;
}

/** Artifact -> the object a lyrics/melody card expects. */
export function artifactToCard(a) {
  const c = parseContent(a?.content);
  if (a?.kind === 'melody') {
    return typeof c === 'object' && c ? { title: a.title, ...c, abc: c.abc ?? '' } : { id: a.id, title: a.title, abc: String(c ?? '') };
  }
  return typeof c === 'object' && c ? { title: a.title, ...c, text: c.text ?? c.lyrics ?? '' } : { id: a.id, title: a.title, text: String(c ?? '') };
}
