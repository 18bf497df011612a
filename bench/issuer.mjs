// The bench clients' own token issuer (as bench/PresenceBenchmark.java does it): one RSA key,
// its JWKS served on loopback at the path Convene derives from CONVENE_IDENTITY_ISSUER_URI, and
// one RS256 access token per bench user, so thousands of users need no Keycloak.
import crypto from "node:crypto";
import http from "node:http";

const b64 = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

export async function startIssuer(port) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  const keySet = JSON.stringify({ keys: [{ kty: "RSA", kid: "bench", use: "sig", alg: "RS256", n: jwk.n, e: jwk.e }] });
  const server = http.createServer((req, res) => {
    if (req.url === "/realms/bench/protocol/openid-connect/certs") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(keySet);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${port}/realms/bench`;
  const header = b64({ alg: "RS256", typ: "JWT", kid: "bench" });
  return {
    issuer,
    /** An access token for user `sub`, valid for `seconds`, with the realm roles `roles`. */
    token(sub, seconds = 3600, roles = undefined) {
      const now = Math.floor(Date.now() / 1000);
      const claims = b64({ iss: issuer, aud: ["convene-api"], sub, preferred_username: sub, exp: now + seconds, iat: now,
        ...(roles ? { roles } : {}) });
      const signature = crypto.sign("sha256", Buffer.from(`${header}.${claims}`), privateKey).toString("base64url");
      return `${header}.${claims}.${signature}`;
    },
    close: () => server.close(),
  };
}

/** The bench's user ids, as PresenceBenchmark names them. */
export const userId = (i) => `bench-user-${String(i).padStart(6, "0")}`;

/** Percentile of a sorted array of numbers (nearest rank). */
export const pct = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
