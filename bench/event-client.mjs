// One real socket.io-client (4.8.1, websocket transport) connected as one user, for the Java bench
// clients (ReminderBurstBenchmark, SoakBenchmark), which start it and read its stdout. It prints
// one JSON line per line of news: {"connected": true} once the server answered CONNECT, then for
// every server → client event {"event", "meetingId", "at"} (`at` = Date.now() on arrival, the same
// wall clock the Java side and PostgreSQL use), {"disconnected": reason} if the socket closes, and
// exits on stdin's end (the Java side closes it to stop us).
//   TOKEN=<access token> node event-client.mjs --url http://127.0.0.1:58081
import { io } from "socket.io-client";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const print = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const socket = io(args.url, {
  path: "/socket.io", transports: ["websocket"], auth: { token: process.env.TOKEN },
  reconnection: false, forceNew: true, timeout: 60000,
});
socket.on("connect", () => print({ connected: true }));
socket.on("connect_error", (err) => { print({ error: err.message }); process.exit(1); });
socket.on("disconnect", (reason) => print({ disconnected: reason }));
socket.onAny((event, payload) => {
  const at = Date.now();
  const meetingId = payload && typeof payload === "object" ? (payload.meetingId ?? null) : null;
  print({ event, meetingId, at });
});
process.stdin.on("end", () => { socket.close(); process.exit(0); });
process.stdin.resume();
