// The load client of bench/socket-heartbeat-benchmark.sh. The coordinator (this file, run by the
// script) forks PROCS worker processes (this file again, --worker), which open their share of
// SOCKETS authenticated sockets (the real socket.io-client 4.8.1, websocket transport, each its own
// connection and its own user, tokens from bench/issuer-serve.mjs) and hold them for every phase.
// A phase: for SECONDS, INFLIGHT closed loops in all (split over the workers) each emit EVENT with an
// ack and no payload, wait for the ack, and emit again on the next of their sockets — so a socket
// has at most one emit outstanding and the whole client INFLIGHT. The coordinator does no load
// work: it sends each phase to the workers, reads the node's and PostgreSQL's CPU ticks and the
// load average from /proc around it, and prints one JSON line per phase on stdout.
//   node socket-heartbeat-client.mjs --url http://127.0.0.1:48081 --tokens tokens.txt --sockets 2000 \
//     --procs 2 --inflight 24 --seconds 30 --pid APP --postmaster PID --phases "warm-up-noop:bench:noop,..."
// A phase is NAME:EVENT (the event may contain ':'); the first colon splits.
import { io } from "socket.io-client";
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { pct } from "./issuer.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]?.startsWith("--") ? "true" : all[i + 1]]] : pairs, []));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...m) => console.error("bench:", ...m);

if (args.worker) {
  worker();
} else {
  coordinator().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
}

// ---------------------------------------------------------------- worker: sockets and closed loops

function worker() {
  const tokens = fs.readFileSync(args.tokens, "utf8").split("\n").filter(Boolean)
    .slice(Number(args.from), Number(args.to));
  const sockets = [];
  let dropped = 0;

  function open(token) {
    return new Promise((resolve, reject) => {
      const socket = io(args.url, {
        path: "/socket.io", transports: ["websocket"], auth: { token }, reconnection: false, forceNew: true, timeout: 60000,
      });
      const timer = setTimeout(() => { socket.close(); reject(new Error("no CONNECT answer in 60 s")); }, 60000);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.once("disconnect", () => dropped++);
        resolve(socket);
      });
      socket.once("connect_error", (err) => { clearTimeout(timer); socket.close(); reject(new Error(`connect_error: ${err.message}`)); });
    });
  }

  async function connectAll() {
    const errors = {};
    let next = 0;
    const concurrency = Number(args.concurrency ?? 100);
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < tokens.length; i = next++) {
        try {
          sockets.push(await open(tokens[i]));
        } catch (e) {
          errors[e.message] = (errors[e.message] ?? 0) + 1;
        }
      }
    }));
    return errors;
  }

  /** One phase: `slots` closed loops for `seconds`; loop k emits on sockets k, k + slots, k + 2·slots, ... */
  async function phase({ event, seconds, slots, expect }) {
    let latencies = new Float64Array(1 << 20);
    let count = 0;
    const replies = {};
    let pending = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let lastAck = started;
    const loops = Array.from({ length: Math.min(slots, sockets.length) }, (_, k) => new Promise((done) => {
      let i = k;
      const emit = () => {
        const now = performance.now();
        if (now >= deadline) {
          done();
          return;
        }
        const socket = sockets[i];
        i = (i + slots) % sockets.length;
        if (!socket.connected) {
          replies.disconnected = (replies.disconnected ?? 0) + 1;
          setImmediate(emit);
          return;
        }
        pending++;
        socket.emit(event, (reply) => {
          const at = performance.now();
          pending--;
          lastAck = at;
          if (count === latencies.length) {
            const bigger = new Float64Array(latencies.length * 2);
            bigger.set(latencies);
            latencies = bigger;
          }
          latencies[count++] = at - now;
          const outcome = expect === "ok" ? (reply?.ok === true ? "expected" : `status ${reply?.problem?.status}`)
            : (reply?.problem?.status === expect ? "expected" : reply?.ok ? "ok" : `status ${reply?.problem?.status}`);
          replies[outcome] = (replies[outcome] ?? 0) + 1;
          emit();
        });
      };
      emit();
    }));
    // a loop whose ack never comes would hang: give the stragglers 10 s after the deadline
    const finished = await Promise.race([Promise.all(loops).then(() => true), sleep(seconds * 1000 + 10000).then(() => false)]);
    const cpu = process.cpuUsage(cpu0);
    const sorted = latencies.slice(0, count).sort();
    return {
      acks: count, seconds: (lastAck - started) / 1000, replies, unanswered: finished ? 0 : pending,
      cpuMicros: cpu.user + cpu.system, latencies: sorted,
    };
  }

  process.on("message", async (message) => {
    if (message.type === "connect") {
      const started = performance.now();
      const errors = await connectAll();
      process.send({ type: "connected", connected: sockets.length, errors, seconds: (performance.now() - started) / 1000 });
    } else if (message.type === "phase") {
      process.send({ type: "result", ...(await phase(message)), dropped });
    } else if (message.type === "close") {
      sockets.forEach((s) => s.disconnect());
      await sleep(500);
      process.exit(0);
    }
  });
}

// ---------------------------------------------------------------- coordinator: phases and /proc

/** utime + stime of a process, in clock ticks (1/100 s); 0 when it is gone. */
function ticks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** PostgreSQL: the postmaster with its exited children, and its live backends. */
function pgTicks() {
  const pm = Number(args.postmaster);
  if (!pm) return 0;
  let total = 0;
  try {
    const stat = fs.readFileSync(`/proc/${pm}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  } catch { /* gone */ }
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[1]) === pm) total += Number(f[11]) + Number(f[12]);
    } catch { /* gone */ }
  }
  return total;
}

const load = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function coordinator() {
  const n = Number(args.sockets ?? 2000);
  const procs = Number(args.procs ?? 2);
  const inflight = Number(args.inflight ?? 24);
  const seconds = Number(args.seconds ?? 30);
  const app = Number(args.pid);
  const phases = args.phases.split(",").map((p) => {
    const [name, ...event] = p.split(":");
    return { name, event: event.join(":") };
  });
  const workers = Array.from({ length: procs }, (_, w) => fork(new URL(import.meta.url).pathname,
    ["--worker", "--url", args.url, "--tokens", args.tokens, "--from", String(Math.floor((w * n) / procs)),
      "--to", String(Math.floor(((w + 1) * n) / procs))], { serialization: "advanced" }));
  const ask = (w, message, answer) => new Promise((resolve) => {
    w.on("message", function listener(m) {
      if (m.type === answer) { w.off("message", listener); resolve(m); }
    });
    w.send(message);
  });

  // connect one worker after the other: each its own handshake burst, so the node checks the tokens in order
  let connected = 0;
  const started = performance.now();
  for (const w of workers) {
    const c = await ask(w, { type: "connect" }, "connected");
    connected += c.connected;
    if (Object.keys(c.errors).length) log("connect errors", JSON.stringify(c.errors));
  }
  log(`${connected} of ${n} sockets open in ${((performance.now() - started) / 1000).toFixed(1)} s over ${procs} processes`);

  // the node's background (relay polling, sweeps, Kafka, job executor, Socket.IO pings) with the sockets
  // idle: measured before the phases (after the connects' own work settled) and after them; the lower
  // of the two is subtracted from each phase
  const idle = async (settle) => {
    await sleep(settle);
    const i0 = ticks(app), ip0 = pgTicks(), it0 = performance.now();
    await sleep(10000);
    const s = (performance.now() - it0) / 1000;
    return { node: (ticks(app) - i0) / s, pg: (pgTicks() - ip0) / s };
  };
  const idleBefore = await idle(20000);
  const lines = [];
  for (const phase of phases) {
    const before = load();
    const n0 = ticks(app), p0 = pgTicks(), t0 = performance.now(), wallStart = Date.now();
    const expect = phase.event === "presence:heartbeat" ? "ok" : 400;
    const results = await Promise.all(workers.map((w, k) => ask(w, {
      type: "phase", event: phase.event, seconds, expect,
      slots: Math.floor((inflight * (k + 1)) / procs) - Math.floor((inflight * k) / procs),
    }, "result")));
    const wall = (performance.now() - t0) / 1000;
    const nodeTicks = ticks(app) - n0, pg = pgTicks() - p0;
    const acks = results.reduce((s, r) => s + r.acks, 0);
    const secondsMeasured = Math.max(...results.map((r) => r.seconds));
    const all = new Float64Array(acks);
    let offset = 0;
    for (const r of results) { all.set(r.latencies, offset); offset += r.latencies.length; }
    all.sort();
    const replies = {};
    for (const r of results) for (const [k, v] of Object.entries(r.replies)) replies[k] = (replies[k] ?? 0) + v;
    const line = {
      phase: phase.name, event: phase.event, load: before, loadAfter: load(), startedAt: new Date(wallStart).toISOString(),
      sockets: connected, inflight, procs, acks, seconds: secondsMeasured, wall, perSecond: acks / secondsMeasured,
      p50: pct(all, 0.5), p90: pct(all, 0.9), p99: pct(all, 0.99), max: all[all.length - 1],
      replies, unanswered: results.reduce((s, r) => s + r.unanswered, 0), dropped: results.reduce((s, r) => s + r.dropped, 0),
      nodeTicks, pgTicks: pg,
      clientCpuMicros: results.map((r) => r.cpuMicros),
    };
    lines.push(line);
    log(`${phase.name}: ${acks} acks, ${(acks / secondsMeasured).toFixed(0)}/s, p99 ${line.p99.toFixed(2)} ms, load ${before}`);
  }
  const idleAfter = await idle(5000);
  for (const line of lines) {
    Object.assign(line, {
      idleNodeTicksPerSecond: Math.min(idleBefore.node, idleAfter.node), idlePgTicksPerSecond: Math.min(idleBefore.pg, idleAfter.pg),
      idleNodeTicksPerSecondBeforeAfter: [idleBefore.node, idleAfter.node],
    });
    console.log(JSON.stringify(line));
  }
  await Promise.all(workers.map((w) => new Promise((resolve) => { w.once("exit", resolve); w.send({ type: "close" }); })));
  log(`machine: ${os.cpus().length} cores`);
}
