// Test client: node client.mjs <url> <token|-> <transport websocket|polling>
// Prints one JSON line per thing that happens (connect, connect_error, disconnect, every event, acks).
// Reads commands from stdin, one JSON per line: {"emit": name, "data": ..., "id": n} → {"type":"ack","id":n,"data":...}
import { io } from "socket.io-client";
import readline from "node:readline";

const [url, token, transport = "websocket"] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify({ ...o, at: Date.now() }) + "\n");
const socket = io(url, {
  path: "/socket.io",
  transports: [transport],
  auth: token === "-" ? undefined : { token },
  reconnection: false,
  timeout: 10000,
});
socket.on("connect", () => out({ type: "connect", transport: socket.io.engine.transport.name, sid: socket.io.engine.id }));
socket.on("connect_error", (err) => out({ type: "connect_error", message: err.message, data: err.data ?? null }));
socket.on("disconnect", (reason) => out({ type: "disconnect", reason }));
socket.onAny((event, ...args) => out({ type: "event", event, data: args[0] ?? null }));
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const cmd = JSON.parse(line);
  if (cmd.emit) {
    const args = cmd.data === undefined ? [] : [cmd.data];
    socket.timeout(5000).emit(cmd.emit, ...args, (err, reply) =>
      out({ type: "ack", id: cmd.id, data: err ? { timeout: true } : reply }));
  }
});
process.stdin.on("end", () => {
  socket.disconnect(); // tell the server now, as a closing browser tab does
  setTimeout(() => process.exit(0), 200);
});
