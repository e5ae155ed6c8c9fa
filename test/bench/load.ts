/**
 * The bench's load generator: CONNECTIONS keep-alive connections, each sending its next request when the
 * previous one answered (a closed loop), driven by autocannon. Its HTTP client costs a small part of what
 * `fetch` costs per request; on a 2-core machine shared by the app, PostgreSQL and the generator, a heavy
 * generator would measure itself. Each request works on one item (a submission) at a time: an item is
 * handed out when a request is built and comes back when its answer arrived.
 */
import autocannon from 'autocannon';

export interface Step {
  method: 'POST' | 'PUT';
  path: string;
  token: string;
  body: unknown;
}

export interface LoadResult {
  ok: number;
  non2xx: number;
  p50: number;
  p99: number;
  seconds: number;
}

export async function closedLoop(
  url: string,
  o: { connections: number; seconds: number; items: number; step: (item: number) => Step; answered: (item: number, status: number, body: string) => void },
): Promise<LoadResult> {
  const free = Array.from({ length: o.items }, (_, i) => i);
  const result = await autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    requests: [
      {
        setupRequest: (req: object, context: { item?: number }) => {
          const item = free.shift()!;
          context.item = item;
          const s = o.step(item);
          return { ...req, method: s.method, path: s.path, headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: JSON.stringify(s.body) };
        },
        onResponse: (status: number, body: string, context: { item?: number }) => {
          if (context.item === undefined) return;
          o.answered(context.item, status, body);
          free.push(context.item);
          context.item = undefined;
        },
      },
    ],
  } as autocannon.Options);
  const ok = result['2xx'];
  return { ok, non2xx: result.non2xx + result.errors + result.timeouts, p50: result.latency.p50, p99: result.latency.p99, seconds: o.seconds };
}
