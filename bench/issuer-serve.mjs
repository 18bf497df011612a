// The token issuer of bench/presence-benchmark.sh: signs one RS256 access token per bench user,
// writes them one per line to OUT (line i = bench-user-i) and an admin's token to OUT.admin (to read
// the node's metrics), prints "ready", and serves the JWKS on
// loopback until it is killed, so wrk can send 100k users' heartbeats with no Keycloak running.
//   node issuer-serve.mjs --users 100000 --out tokens.txt [--issuer-port 18190]
import fs from "node:fs";
import { startIssuer, userId } from "./issuer.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const users = Number(args.users ?? 100000);
const issuer = await startIssuer(Number(args["issuer-port"] ?? 18190));
const started = performance.now();
const out = fs.openSync(args.out, "w");
for (let i = 0; i < users; i++) {
  fs.writeSync(out, issuer.token(userId(i), 7200) + "\n");
}
fs.closeSync(out);
fs.writeFileSync(`${args.out}.admin`, issuer.token("bench-admin", 7200, ["admin"]));
console.error(`bench: ${users} tokens signed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log("ready");
process.on("SIGTERM", () => { issuer.close(); process.exit(0); });
