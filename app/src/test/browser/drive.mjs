// The browser test's driver: node drive.mjs '<json>' (see BrowserPortalIntegrationTest for the fields).
// Drives the system Chromium (puppeteer-core) through the portal's path and prints one JSON line per
// step; the JUnit test asserts on them. Each user has an isolated browser context (own cookies, storage).
import puppeteer from "puppeteer-core";

const cfg = JSON.parse(process.argv[2]);
const out = (type, data = {}) => process.stdout.write(JSON.stringify({ type, ...data, at: Date.now() }) + "\n");
const query = new URLSearchParams({ api: cfg.api, kc: cfg.keycloak }).toString();
const seconds = (s) => s * 1000;

/** Waits until the page's own notes (window.events) hold one that matches `js` (an expression over `e`). */
const until = (page, js, timeout = seconds(30)) =>
  page.waitForFunction(`window.events && window.events.some((e) => ${js})`, { timeout, polling: 100 });
const events = (page) => page.evaluate(() => window.events);

async function open(context, name, url) {
  const page = await context.newPage();
  page.on("console", (message) => out("console", { page: name, level: message.type(), text: message.text() }));
  page.on("pageerror", (error) => out("pageerror", { page: name, text: String(error) }));
  await page.goto(url, { waitUntil: "domcontentloaded" }).catch((e) => {
    if (!String(e).includes("ERR_ABORTED")) throw e; // keycloak-js may leave for the login form before "loaded"
  });
  return page;
}

/** Signs in through Keycloak's own login form, as a person does. */
async function signIn(context, user) {
  const page = await open(context, user, `${cfg.page}/?signin&${query}`);
  await page.waitForSelector("#username", { timeout: seconds(30) });
  out("login_form", { user, origin: new URL(page.url()).origin });
  await page.type("#username", user);
  await page.type("#password", user);
  await Promise.all([page.waitForNavigation(), page.click("#kc-login")]);
  await page.waitForFunction(() => window.app && (window.app.signedIn || window.app.signInError), { timeout: seconds(30) });
  const state = await page.evaluate(() => ({ signedIn: window.app.signedIn, error: window.app.signInError }));
  out("signed_in", { user, origin: new URL(page.url()).origin, ...state });
  if (!state.signedIn) throw new Error(`${user} could not sign in: ${state.error}`);
  return page;
}

const call = (page, method, path, body) =>
  page.evaluate((m, p, b) => window.app.call(m, p, b ?? undefined), method, path, body ?? null);

const launchArgs = ["--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"];
if (process.getuid && process.getuid() === 0) launchArgs.push("--no-sandbox"); // CI runs as root
const browser = await puppeteer.launch({ executablePath: cfg.chromium, headless: true, args: launchArgs });
out("browser", { version: await browser.version() });
try {
  // Bob: signed in, his socket connected (that makes him online)
  const bob = await signIn(await browser.createBrowserContext(), "bob");
  await bob.evaluate((url) => window.app.connect(url), cfg.socket);
  await until(bob, "e.type === 'connect'");
  out("bob_connected");

  // Alice: signed in in her own context
  const alice = await signIn(await browser.createBrowserContext(), "alice");

  // the same page from a foreign origin, with Alice's valid token: refused by CORS and by the socket gateway
  const foreign = await open(await browser.createBrowserContext(), "foreign", `${cfg.foreignPage}/?${query}`);
  await foreign.waitForFunction(() => window.app);
  await foreign.evaluate((token) => window.app.useToken(token), await alice.evaluate(() => window.app.token()));
  const refused = await call(foreign, "GET", "/api/me");
  await foreign.evaluate((url) => window.app.connect(url), cfg.socket);
  await until(foreign, "e.type === 'connect_error'");
  out("foreign", { origin: cfg.foreignPage, fetch: refused, events: await events(foreign) });
  await foreign.browserContext().close();

  // Alice schedules a meeting with Bob and calls him
  const me = await call(alice, "GET", "/api/me");
  out("alice_me", { status: me.status, id: me.body?.id ?? null });
  const startTime = new Date(Date.now() + 3_600_000).toISOString();
  const meeting = await call(alice, "POST", "/api/meetings",
    { title: "Browser stand-up", startTime, provider: "JITSI", participantIds: [cfg.bob] });
  out("scheduled", { status: meeting.status, location: meeting.location, meetingId: meeting.body?.meetingId ?? null, error: meeting.error ?? null });
  const first = await call(alice, "POST", "/api/calls/instant", { participantIds: [cfg.bob] });
  const firstId = first.body?.meetingId ?? null;
  out("called", { n: 1, status: first.status, location: first.location, callId: firstId, error: first.error ?? null });
  await until(bob, `e.type === 'event' && e.event === 'call:incoming' && e.data && e.data.meetingId === ${JSON.stringify(firstId)}`);
  out("bob_rung", { n: 1, callId: firstId });
  out("hung_up", { n: 1, status: (await call(alice, "DELETE", `/api/calls/${firstId}`)).status });

  // Bob's token runs out: auth:expired, the server closes the socket, the page refreshes the token and reconnects
  await until(bob, "e.type === 'auth_expired'", seconds(cfg.tokenLifespanSeconds + 30));
  await until(bob, "e.type === 'connect' && window.events.filter((c) => c.type === 'connect').length >= 2", seconds(30));
  out("bob_reconnected");

  // a second call after the refresh still reaches Bob's socket
  const second = await call(alice, "POST", "/api/calls/instant", { participantIds: [cfg.bob] });
  const secondId = second.body?.meetingId ?? null;
  out("called", { n: 2, status: second.status, location: second.location, callId: secondId, error: second.error ?? null });
  await until(bob, `e.type === 'event' && e.event === 'call:incoming' && e.data && e.data.meetingId === ${JSON.stringify(secondId)}`);
  out("bob_rung", { n: 2, callId: secondId });
  await bob.screenshot({ path: cfg.screenshot, fullPage: true });
  out("screenshot", { path: cfg.screenshot });

  // clean up what other tests could see: the second call, the meeting
  out("hung_up", { n: 2, status: (await call(alice, "DELETE", `/api/calls/${secondId}`)).status });
  if (meeting.body?.meetingId) {
    out("cancelled", { status: (await call(alice, "DELETE", `/api/meetings/${meeting.body.meetingId}`)).status });
  }
  out("bob_events", { events: await events(bob) });
  out("alice_events", { events: await events(alice) });
  await bob.evaluate(() => window.socket.disconnect()); // as a closing tab does
  out("done");
} catch (e) {
  out("failed", { message: String(e && e.stack ? e.stack : e) });
  process.exitCode = 1;
} finally {
  await browser.close();
}
