import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type MetricObjectWithValues,
  type MetricValue,
} from "prom-client";

/** One registry for the process; GET /metrics renders it in Prometheus text format. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const metrics = {
  webhookAckSeconds: new Histogram({
    name: "zalo_webhook_ack_seconds",
    help: "Time from request to webhook acknowledgement",
    labelNames: ["status"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  }),
  eventsTotal: new Counter({
    name: "zalo_events_total",
    help: "Webhook events by name and outcome (accepted, duplicate, ignored, rejected)",
    labelNames: ["event", "outcome"] as const,
    registers: [registry],
  }),
  webhookRefusedTotal: new Counter({
    name: "zalo_webhook_refused_total",
    help: "Webhook bodies answered 200 but not stored nor acted on, by reason (bad_signature, missing_app_id, ...)",
    labelNames: ["reason"] as const,
    registers: [registry],
  }),
  faqTotal: new Counter({
    name: "faq_answers_total",
    help: "FAQ outcomes: answered, suggested, fallback",
    labelNames: ["outcome"] as const,
    registers: [registry],
  }),
  outboundTotal: new Counter({
    name: "zalo_outbound_total",
    help: "Outbound sends by recipient kind and result (sent, failed, retried, dry_run)",
    labelNames: ["kind", "result"] as const,
    registers: [registry],
  }),
  sendRefusedTotal: new Counter({
    name: "zalo_send_refused_total",
    help: "Replies Zalo refused for quota or window reasons, by Zalo error code (-211, -218, -230, -232)",
    labelNames: ["code"] as const,
    registers: [registry],
  }),
  apiBudgetWaitsTotal: new Counter({
    name: "zalo_api_budget_waits_total",
    help: "Calls that waited for the next minute of the shared Zalo API budget, by lane (reply, reminder, system)",
    labelNames: ["lane"] as const,
    registers: [registry],
  }),
  tokenRefreshTotal: new Counter({
    name: "zalo_token_refresh_total",
    help: "Access token refreshes by result",
    labelNames: ["result"] as const,
    registers: [registry],
  }),
  queueDepth: new Gauge({
    name: "queue_depth",
    help: "Jobs or events waiting, by queue",
    labelNames: ["queue"] as const,
    // Both threads may read the same queue (SQLite, Redis): merged, the deeper reading wins, never the sum.
    aggregator: "max",
    registers: [registry],
    // Queues that are cheaper to ask than to track (BullMQ) are read at scrape time.
    async collect() {
      await Promise.all(
        [...queueDepthSources].map(async ([queue, read]) => {
          try {
            this.set({ queue }, await read());
          } catch {
            // Redis down: keep the last value; /readyz reports the outage.
          }
        }),
      );
    },
  }),
  adminLoginsTotal: new Counter({
    name: "admin_logins_total",
    help: "Dashboard sign-in attempts by result (ok, failed, throttled)",
    labelNames: ["result"] as const,
    registers: [registry],
  }),
};

const queueDepthSources = new Map<string, () => Promise<number>>();

/** Reports a queue's depth on every scrape (e.g. BullMQ waiting + delayed jobs); returns an unregister function. */
export function registerQueueDepth(queue: string, read: () => Promise<number>): () => void {
  queueDepthSources.set(queue, read);
  return () => {
    if (queueDepthSources.get(queue) === read) queueDepthSources.delete(queue);
  };
}

type MetricsJson = Array<MetricObjectWithValues<MetricValue<string>>>;
const threadSources = new Set<() => Promise<MetricsJson>>();

/** Adds another thread's metrics (e.g. the answering thread) to GET /metrics; returns an unregister function. */
export function registerMetricsSource(read: () => Promise<MetricsJson>): () => void {
  threadSources.add(read);
  return () => void threadSources.delete(read);
}

/** The Prometheus text of this thread's registry merged with the other threads' (counters summed). */
export async function renderMetrics(): Promise<string> {
  if (threadSources.size === 0) return registry.metrics();
  const parts = await Promise.all([registry.getMetricsAsJSON(), ...[...threadSources].map((read) => read())]);
  return AggregatorRegistry.aggregate(parts).metrics();
}
