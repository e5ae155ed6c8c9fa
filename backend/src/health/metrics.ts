import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { EventLoopLagMonitor } from './event-loop-lag.js';

export const metricsRegistry = new Registry();
// includes prom-client's monitorEventLoopDelay gauges (nodejs_eventloop_lag_*)
collectDefaultMetrics({ register: metricsRegistry });
/** One per process; HealthModule starts and stops it. */
export const eventLoopLag = new EventLoopLagMonitor({ registry: metricsRegistry });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export function metricsMiddleware(req: Request, res: Response, next: NextFunction) {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    // The matched route pattern keeps label cardinality bounded (no ids in labels).
    const route = (req.route?.path as string | undefined) ?? (req.path.startsWith('/api') ? 'unmatched' : 'static');
    end({ method: req.method, route: req.baseUrl + route, status: String(res.statusCode) });
  });
  next();
}
