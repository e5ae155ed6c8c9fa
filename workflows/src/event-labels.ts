/**
 * The Vietnamese label of each event of a flow: the first `meta.label` written on one of its
 * transitions (document order). One rule for the engine's messages and the builders' pickers;
 * it reads any definition, even one being edited that does not compile yet.
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `meta.label` with visible text, else undefined. */
export function metaLabel(meta: unknown): string | undefined {
  if (!isObj(meta)) return undefined;
  const l = meta['label'];
  return typeof l === 'string' && l.trim() !== '' ? l : undefined;
}

/** Event type → its label, for every event some transition of the definition names. */
export function eventLabelsOf(def: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const states = isObj(def) && isObj(def['states']) ? def['states'] : {};
  for (const state of Object.values(states)) {
    const on = isObj(state) && isObj(state['on']) ? state['on'] : {};
    for (const [event, raw] of Object.entries(on)) {
      for (const t of Array.isArray(raw) ? raw : [raw]) {
        const label = isObj(t) ? metaLabel(t['meta']) : undefined;
        if (label && !out.has(event)) out.set(event, label);
      }
    }
  }
  return out;
}
