// The load client of bench/socket-benchmark.sh. Opens N concurrent sockets against one server and
// reports the connect rate and the server JVM's heap used after a full GC and RSS, with 0 sockets
// (after a warm-up round) and with all N connected (after they were held open HOLD seconds).
//   node socket-client.mjs --mode socketio --url http://127.0.0.1:18081 --pid PID --sockets 10000 ...
//   node socket-client.mjs --mode ws --url ws://127.0.0.1:18082/ws --pid PID --sockets 10000 ...
// mode socketio: the real socket.io-client, websocket transport, each socket its own connection and
//   its own user with an RS256 token this process signs (it serves the JWKS; see issuer.mjs).
// mode ws: plain WebSocket connections (the `ws` package) to bench/NoopWebSocketServer.java.
// Prints one JSON object on stdout.
import { io } from "socket.io-client";
import WebSocket from "ws";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { startIssuer, userId, pct } from "./issuer.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const mode = args.mode ?? "socketio";
const url = args.url;
const pid = Number(args.pid);
const n = Number(args.sockets ?? 10000);
const concurrency = Number(args.concurrency ?? 200);
const hold = Number(args.hold ?? 30);
const warmup = Math.min(n, Number(args.warmup ?? 1000));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...m) => console.error("bench:", ...m);

/** Heap used after two full GCs, and RSS, of the server JVM. */
async function jvmMemory() {
  for (let i = 0; i < 2; i++) {
    execFileSync("jcmd", [String(pid), "GC.run"], { stdio: "ignore" });
    await sleep(500);
  }
  const info = execFileSync("jcmd", [String(pid), "GC.heap_info"]).toString();
  const heap = info.match(/total (\d+)K, used (\d+)K/);
  const rss = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return { heapUsedKiB: Number(heap[2]), heapCommittedKiB: Number(heap[1]), rssKiB: Number(rss[1]) };
}

/** One query's single value from the bench's PostgreSQL (socketio mode only). */
function sql(query) {
  return execFileSync("java", ["-cp", process.env.PG_DRIVER, new URL("./BenchSql.java", import.meta.url).pathname,
    args.db ?? "jdbc:postgresql://127.0.0.1:15433/postgres", query]).toString().trim();
}

let tokens = [];
let issuer;
let dropped = 0;
let counting = false;

function openSocketIo(i) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: "/socket.io", transports: ["websocket"], auth: { token: tokens[i] },
      reconnection: false, forceNew: true, timeout: 60000,
    });
    const fail = (why) => { clearTimeout(timer); socket.off(); socket.close(); reject(new Error(why)); };
    // no answer to the CONNECT packet in time (socket.io-client itself waits for it forever)
    const timer = setTimeout(() => fail("no CONNECT answer in 60 s"), 60000);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.off("disconnect");
      socket.once("disconnect", () => { if (counting) dropped++; });
      resolve(socket);
    });
    socket.once("connect_error", (err) => fail(`connect_error: ${err.message}`));
    // the server closed it after the engine opened but before it answered CONNECT
    socket.once("disconnect", (reason) => fail(`closed before CONNECT: ${reason}`));
  });
}

function openWs() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once("open", () => {
      ws.once("close", () => { if (counting) dropped++; });
      resolve(ws);
    });
    ws.once("error", (err) => { ws.terminate(); reject(err); });
    ws.once("unexpected-response", (req, res) => { ws.terminate(); reject(new Error(`HTTP ${res.statusCode}`)); });
  });
}

const open = mode === "ws" ? openWs : openSocketIo;
const close = (s) => (mode === "ws" ? s.close() : s.disconnect());

/** Opens `count` connections, at most `concurrency` handshakes in flight. */
async function connectAll(count) {
  const sockets = [];
  const latencies = [];
  const errors = {};
  let next = 0;
  const started = performance.now();
  async function worker() {
    for (let i = next++; i < count; i = next++) {
      const begin = performance.now();
      try {
        sockets.push(await open(i));
        latencies.push(performance.now() - begin);
      } catch (e) {
        errors[e.message] = (errors[e.message] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { sockets, seconds, errors, p50: pct(latencies, 0.5), p99: pct(latencies, 0.99) };
}

async function main() {
  if (mode === "socketio") {
    issuer = await startIssuer(Number(args["issuer-port"] ?? 18190));
    const minting = performance.now();
    tokens = Array.from({ length: n }, (_, i) => issuer.token(userId(i)));
    log(`${n} tokens signed in ${((performance.now() - minting) / 1000).toFixed(1)} s`);
  }
  log(`${mode}: warm-up, ${warmup} sockets opened and closed`);
  const warm = await connectAll(warmup);
  warm.sockets.forEach(close);
  await sleep(mode === "socketio" ? 8000 : 2000); // the node's disconnect grace (5 s) and a sweep pass
  const idle = await jvmMemory();
  log(`${mode}: 0 sockets: heap ${idle.heapUsedKiB} KiB, RSS ${idle.rssKiB} KiB; opening ${n} with ${concurrency} in flight`);
  const run = await connectAll(n);
  const connected = run.sockets.length;
  log(`${mode}: ${connected} of ${n} open in ${run.seconds.toFixed(1)} s (${(connected / run.seconds).toFixed(0)}/s)`,
    Object.keys(run.errors).length ? JSON.stringify(run.errors) : "");
  counting = true;
  let recorded = null;
  if (mode === "socketio") {
    // the node records each socket (presence_connection) off the event loop: wait until it has them all
    for (let waited = 0; waited < 60; waited += 2) {
      recorded = Number(sql("select count(*) from presence_connection"));
      if (recorded >= connected) break;
      await sleep(2000);
    }
    log(`${mode}: sockets recorded by presence: ${recorded}`);
  }
  log(`${mode}: holding them ${hold} s (past one Socket.IO ping interval) ...`);
  await sleep(hold * 1000);
  const loaded = await jvmMemory();
  let acked = null;
  if (mode === "socketio") {
    // still authenticated and served: an unknown event is answered with a 400 problem ack
    const sample = run.sockets.filter((s) => s.connected).slice(0, 200);
    const replies = await Promise.all(sample.map((s) => s.timeout(10000).emitWithAck("bench:noop").then(
      (reply) => reply?.problem?.status === 400, () => false)));
    acked = `${replies.filter(Boolean).length} of ${sample.length}`;
  }
  const stillOpen = mode === "ws" ? run.sockets.filter((s) => s.readyState === WebSocket.OPEN).length
    : run.sockets.filter((s) => s.connected).length;
  counting = false;
  run.sockets.forEach(close);
  await sleep(2000);
  issuer?.close();
  const perConnection = (key) => (connected ? ((loaded[key] - idle[key]) * 1024) / connected : NaN);
  console.log(JSON.stringify({
    mode, sockets: n, concurrency, connected, failed: n - connected, errors: run.errors,
    connectSeconds: run.seconds, connectsPerSecond: connected / run.seconds,
    connectMillisP50: run.p50, connectMillisP99: run.p99,
    recordedByPresence: recorded, droppedWhileHeld: dropped, stillOpenAfterHold: stillOpen, noopAcks: acked,
    idle, loaded, heapBytesPerConnection: perConnection("heapUsedKiB"), rssBytesPerConnection: perConnection("rssKiB"),
  }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
