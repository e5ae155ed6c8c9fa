/** Tables derived from a schema-valid definition: used by lint, engine and simulate. */
import type { FlowDefinition, NamedRef } from './types.js';
import { eventLabelsOf, metaLabel } from './event-labels.js';
import { pointer } from './json-pointer.js';
import {
  DEFAULT_COMMENT_LABEL,
  DEFAULT_COMMENT_MESSAGE,
  flattenActions,
  flattenGuard,
} from './vocabulary.js';

export interface NormalTransition {
  /** Stable id: `state/EVENT/index`. */
  id: string;
  source: string;
  event: string;
  index: number;
  /** JSON pointer of this transition in the definition. */
  path: string;
  target: string;
  /** Raw `guard` as written (for lint). */
  rawGuard: unknown;
  guards: NamedRef[];
  actions: NamedRef[];
  label: string | undefined;
  requiresComment: boolean;
  commentLabel: string | undefined;
  /** Set when a `requireComment` action demands a comment (checked after the guards). */
  requireCommentMessage: string | undefined;
}

export interface NormalState {
  name: string;
  path: string;
  label: string | undefined;
  final: boolean;
  /** Event type → candidate transitions, in document order. */
  events: Map<string, NormalTransition[]>;
}

export interface NormalFlow {
  id: string;
  initial: string;
  label: string | undefined;
  states: Map<string, NormalState>;
  /** Event type → first label written for it (for messages). */
  eventLabels: Map<string, string>;
}

type Obj = Record<string, unknown>;


export function normalize(def: FlowDefinition): NormalFlow {
  const states = new Map<string, NormalState>();
  const eventLabels = eventLabelsOf(def);
  for (const [name, raw] of Object.entries(def.states)) {
    const s = raw as Obj;
    const path = pointer('/states', name);
    const events = new Map<string, NormalTransition[]>();
    const on = (s['on'] ?? {}) as Obj;
    for (const [event, rawT] of Object.entries(on)) {
      const eventPath = pointer(pointer(path, 'on'), event);
      const list: { t: unknown; p: string }[] = Array.isArray(rawT)
        ? rawT.map((t, i) => ({ t, p: pointer(eventPath, i) }))
        : [{ t: rawT, p: eventPath }];
      events.set(
        event,
        list.map(({ t, p }, index) => {
          const obj: Obj = typeof t === 'string' ? { target: t } : (t as Obj);
          const guards = flattenGuard(obj['guard']);
          const actions = flattenActions(obj['actions']);
          const hasComment = guards.find((g) => g.type === 'hasComment');
          const requireComment = actions.find((a) => a.type === 'requireComment');
          const label = metaLabel(obj['meta']);
          return {
            id: `${name}/${event}/${index}`,
            source: name,
            event,
            index,
            path: p,
            target: String(obj['target']),
            rawGuard: obj['guard'],
            guards,
            actions,
            label,
            requiresComment: Boolean(hasComment || requireComment),
            commentLabel:
              hasComment || requireComment
                ? ((requireComment?.params?.['label'] ??
                    hasComment?.params?.['label'] ??
                    DEFAULT_COMMENT_LABEL) as string)
                : undefined,
            requireCommentMessage: requireComment
              ? ((requireComment.params?.['message'] as string | undefined) ?? DEFAULT_COMMENT_MESSAGE)
              : undefined,
          };
        }),
      );
    }
    states.set(name, { name, path, label: metaLabel(s['meta']), final: s['type'] === 'final', events });
  }
  return { id: def.id, initial: def.initial, label: metaLabel(def.meta), states, eventLabels };
}
