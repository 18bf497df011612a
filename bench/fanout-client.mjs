// The client of bench/fanout-benchmark.sh. Connects SOCKETS authenticated sockets (socket.io-client,
// websocket, user i each, tokens signed here, JWKS served here), has socket i subscribe to the
// presence of users i+1 … i+FANOUT, then runs bench/FanoutGenerator.java, which commits RATE
// presence.changed events per second for SECONDS into the node's outbox (user k % SOCKETS), so
// every event should reach FANOUT sockets through outbox → relay → Kafka → the node's consumer →
// EventRouting → gateway, after a warm-up of WARMUP s at the same rate that is not measured.
// Latency of each delivery = its receipt here − the event's commit there (same machine, same wall clock). Baseline in the same run: the Socket.IO round trip of an ack'd
// no-op event (PINGS per second, spread over the sockets), before and during the load.
// Prints one JSON object on stdout.
import { io } from "socket.io-client";
import { spawn } from "node:child_process";
import readline from "node:readline";
import { startIssuer, userId, pct } from "./issuer.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = args.url ?? "http://127.0.0.1:18081";
const n = Number(args.sockets ?? 1000);
const fanout = Number(args.fanout ?? 10);
const rate = Number(args.rate ?? 1000);
const seconds = Number(args.seconds ?? 30);
const pingsPerSecond = Number(args.pings ?? 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...m) => console.error("bench:", ...m);
const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000;

const received = new Map(); // lastSeen → receipt times (µs) of presence:update
let connectedEvents = 0;
let recording = false;

function open(token) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: "/socket.io", transports: ["websocket"], auth: { token }, reconnection: false, forceNew: true, timeout: 60000,
    });
    const timer = setTimeout(() => { socket.close(); reject(new Error("no CONNECT answer in 60 s")); }, 60000);
    socket.once("connect", () => { clearTimeout(timer); resolve(socket); });
    socket.once("connect_error", (err) => { clearTimeout(timer); socket.close(); reject(err); });
    socket.on("presence:update", (update) => {
      const at = nowMicros();
      if (recording) {
        const times = received.get(update.lastSeen);
        if (times) times.push(at); else received.set(update.lastSeen, [at]);
      }
    });
    socket.on("presence:user_connected", () => { if (recording) connectedEvents++; });
  });
}

/** Runs `task(i)` for i < count, at most `parallel` at once. */
async function inParallel(count, parallel, task) {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  }));
}

/** Ack'd no-op events (the gateway answers an unknown event with a 400 problem) at `perSecond`, until stopped. */
function pinger(sockets, perSecond) {
  const rtts = [];
  let i = 0;
  let failed = 0;
  const timer = setInterval(() => {
    const socket = sockets[i++ % sockets.length];
    const sent = nowMicros();
    socket.timeout(5000).emitWithAck("bench:noop").then((reply) => {
      if (reply?.problem?.status === 400) rtts.push((nowMicros() - sent) / 1000); else failed++;
    }, () => failed++);
  }, 1000 / perSecond);
  return { stop: () => { clearInterval(timer); return { rtts: rtts.sort((a, b) => a - b), failed }; } };
}

function summary(sorted) {
  return { count: sorted.length, p50: pct(sorted, 0.5), p90: pct(sorted, 0.9), p99: pct(sorted, 0.99),
    p999: pct(sorted, 0.999), max: sorted[sorted.length - 1] };
}

async function main() {
  const issuer = await startIssuer(Number(args["issuer-port"] ?? 18190));
  const tokens = Array.from({ length: n }, (_, i) => issuer.token(userId(i)));
  const sockets = new Array(n);
  await inParallel(n, 100, async (i) => { sockets[i] = await open(tokens[i]); });
  log(`${n} sockets connected`);
  let subscribed = 0;
  await inParallel(n, 50, async (i) => {
    const userIds = Array.from({ length: fanout }, (_, k) => userId((i + 1 + k) % n));
    const ack = await sockets[i].timeout(30000).emitWithAck("presence:subscribe", { userIds });
    if (ack?.ok) subscribed++;
  });
  log(`${subscribed} sockets subscribed to ${fanout} users each`);
  await sleep(3000);

  log(`baseline: ${pingsPerSecond} ack'd no-op events per second for 5 s, no load`);
  let ping = pinger(sockets, pingsPerSecond);
  await sleep(5000);
  const idlePings = ping.stop();
  await sleep(500);

  /** Runs the generator for `duration` s; its events' commit times (µs) by lastSeen, and its summary. */
  async function generate(duration) {
    const committed = new Map();
    let summary = null;
    const generator = spawn("java", ["-cp", process.env.PG_DRIVER, new URL("./FanoutGenerator.java", import.meta.url).pathname,
      "--rate", String(rate), "--seconds", String(duration), "--users", String(n), "--threads", String(args.threads ?? 4)],
    { stdio: ["ignore", "pipe", "inherit"] });
    readline.createInterface({ input: generator.stdout }).on("line", (line) => {
      if (line.startsWith("E ")) {
        const [, lastSeen, micros] = line.split(" ");
        committed.set(lastSeen, Number(micros));
      } else if (line.startsWith("S ")) {
        summary = JSON.parse(line.slice(2));
      }
    });
    const exit = await new Promise((resolve) => generator.on("close", resolve));
    if (exit !== 0) throw new Error(`the generator failed (${exit})`);
    return { committed, summary };
  }

  const warmup = Number(args.warmup ?? 10);
  log(`warm-up: ${rate} events/s for ${warmup} s, not measured`);
  await generate(warmup);
  await sleep(3000);
  log(`committing ${rate} events/s for ${seconds} s (fan-out ${fanout}) ...`);
  recording = true;
  ping = pinger(sockets, pingsPerSecond);
  const { committed, summary: generated } = await generate(seconds);
  await sleep(5000); // stragglers
  recording = false;
  const loadedPings = ping.stop();

  const latencies = [];
  const firstHalf = [];
  const secondHalf = [];
  const commits = [...committed.values()].sort((a, b) => a - b);
  const middle = commits[Math.floor(commits.length / 2)];
  let unmatched = 0;
  for (const [lastSeen, times] of received) {
    const at = committed.get(lastSeen);
    if (at === undefined) { unmatched += times.length; continue; }
    for (const t of times) {
      const ms = (t - at) / 1000;
      latencies.push(ms);
      (at < middle ? firstHalf : secondHalf).push(ms);
    }
  }
  [latencies, firstHalf, secondHalf].forEach((a) => a.sort((x, y) => x - y));
  const eventsReached = [...committed.keys()].filter((k) => received.has(k)).length;
  issuer.close();
  sockets.forEach((s) => s.disconnect());
  console.log(JSON.stringify({
    sockets: n, fanout, rate, seconds, generator: generated,
    events: committed.size, eventsReached, deliveriesExpected: committed.size * fanout, deliveries: latencies.length,
    unmatchedDeliveries: unmatched, userConnectedDeliveries: connectedEvents,
    latency: summary(latencies), latencyFirstHalf: summary(firstHalf), latencySecondHalf: summary(secondHalf),
    pingIdle: { ...summary(idlePings.rtts), failed: idlePings.failed },
    pingLoaded: { ...summary(loadedPings.rtts), failed: loadedPings.failed },
  }));
}

main().then(() => setTimeout(() => process.exit(0), 500), (e) => { console.error(e); process.exit(1); });
