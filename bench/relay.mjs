// `pnpm bench:relay`: the example sync server under load and a crash, on SQLite and on PostgreSQL.
//
// Starts the real relay (examples/sync-server/src/main.ts) as a child process on 127.0.0.1, pairs
// simulated couples through its pairing routes, and lets each partner's phone record small batches
// of events with a real engine, upload them encrypted with the couple's key (type and visibility
// inside, padded to a size bucket) and pull and decrypt the other's, for a while. Midway the relay is
// killed with SIGKILL and started again on the same database; phones retry until it answers. A phone
// counts an event as acknowledged only once the relay answered 2xx for the upload that held it.
// Afterwards every acknowledged event must be in the database and in a full pull of the partner it
// was sent to, and no id may be stored or pulled twice. Writes bench/relay-results.json, prints a
// table, and exits 1 when an acknowledged event was lost or duplicated.
//
//   pnpm bench:relay [--quick] [--duration <s>] [--couples <n>] [--backend sqlite|postgres|both]
//
// A script, not a timed test: figures from shared machines are noisy; the checks are not.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine, nineStepProgram } from '@attune/core';
import {
  createAesGcmCipher,
  createDeviceSigner,
  decryptEvents,
  encryptEvents,
  exportSigningPublicKey,
  generateAesGcmKey,
  generateDeviceSigningKey,
  signEvents,
} from '@attune/core/crypto';
import {
  advanceCursor,
  createDeviceId,
  exportEvents,
  importEvents,
  relayReadableEventTypes,
} from '@attune/core/sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverDir = join(root, 'examples', 'sync-server');
// The relay's own dependencies: its tsx to run main.ts, its drivers to read the database afterwards.
const serverRequire = createRequire(join(serverDir, 'package.json'));
const tsxLoader = pathToFileURL(serverRequire.resolve('tsx')).href;
const resultsPath = join(root, 'bench', 'relay-results.json');

const USAGE = `Usage: pnpm bench:relay [options]

  --quick               10 s and 20 couples (unless --duration or --couples say otherwise)
  --duration <s>        how long the phones sync, in seconds (default 60)
  --couples <n>         how many couples, two phones each (default 200)
  --backend <name>      sqlite, postgres or both (default both)
  --think <ms>          a phone's mean pause between two syncs (default 1000)`;

function readOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: {
        quick: { type: 'boolean', default: false },
        duration: { type: 'string' },
        couples: { type: 'string' },
        backend: { type: 'string', default: 'both' },
        think: { type: 'string', default: '1000' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (value, name, min, max) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      console.error(`--${name} should be a whole number from ${min} to ${max}, not "${value}"`);
      process.exit(2);
    }
    return parsed;
  };
  const backends = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[
    values.backend
  ];
  if (!backends) {
    console.error(`--backend should be sqlite, postgres or both, not "${values.backend}"`);
    process.exit(2);
  }
  return {
    quick: values.quick,
    durationS: whole(values.duration ?? (values.quick ? '10' : '60'), 'duration', 4, 600),
    couples: whole(values.couples ?? (values.quick ? '20' : '200'), 'couples', 1, 1000),
    thinkMs: whole(values.think, 'think', 0, 60_000),
    backends,
  };
}

const options = readOptions(process.argv.slice(2));

/** The relay and database of the run in progress, for a clean exit on Ctrl-C. */
const active = { relay: undefined, backend: undefined };

// How long a phone waits for one answer, and how long after the run it keeps retrying an upload.
const REQUEST_TIMEOUT_MS = 15_000;
const GRACE_MS = 20_000;
// The whole run may not take longer than this, whatever hangs.
const HARD_LIMIT_MS = options.backends.length * (options.durationS * 1000 + 180_000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The relay as a child process

/** A free TCP port on 127.0.0.1, kept for the relay's restart too. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One GET /health, true on 200; never throws. */
function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/health', agent: false, timeout: 1000 },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode === 200));
        response.on('error', () => resolve(false));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/**
 * Starts `node --import tsx src/main.ts --port <port> <storage flags>` in examples/sync-server, as
 * its README's `pnpm start` does but without pnpm and tsx's own wrapper process in between, so that
 * SIGKILL reaches the relay itself. Resolves once GET /health answers 200.
 */
async function startRelay(port, storageArgs, log) {
  const env = { ...process.env };
  // The flags say where to store; a DATABASE_URL of the shell would otherwise be refused with --data.
  for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'ATTUNE_DATA_DIR', 'NODE_OPTIONS']) {
    delete env[name];
  }
  const startedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--conditions=@attune/source',
      '--import',
      tsxLoader,
      'src/main.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      ...storageArgs,
    ],
    { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let listenedAt;
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => {
      // main.ts prints this once the port is open: the moment a phone can be answered again.
      if (listenedAt === undefined && text.includes('listening at')) listenedAt = performance.now();
      log.add(text);
    });
  }
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  const deadline = startedAt + 60_000;
  while (!(await healthy(port))) {
    if (gone) throw new Error(`The relay exited while starting:\n${log.tail()}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The relay did not answer /health within 60 s:\n${log.tail()}`);
    }
    await sleep(25);
  }
  const relay = {
    child,
    exited,
    startMs: performance.now() - startedAt,
    // Read later: the line may come through its pipe after /health answered.
    get listenedAt() {
      return listenedAt;
    },
  };
  active.relay = relay;
  return relay;
}

/** The relay's output, kept short, with a count of the unexpected errors it logged. */
function relayLog() {
  const lines = [];
  let unexpected = 0;
  return {
    add(text) {
      for (const line of text.split('\n')) {
        if (!line) continue;
        if (line.includes('Unexpected error')) unexpected++;
        lines.push(line);
        if (lines.length > 200) lines.shift();
      }
    },
    tail: () => lines.slice(-30).join('\n'),
    get unexpected() {
      return unexpected;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP, as a phone does it: keep-alive connections, a timeout, retries with backoff

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** One request to the relay; rejects on a network failure, resolves with any status. */
function call(port, method, path, { body, token, localAddress } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {};
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const request = http.request(
      { host: '127.0.0.1', port, method, path, headers, agent, localAddress },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('aborted', () =>
          fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })),
        );
        response.on('error', fail);
        response.on('end', () => {
          if (settled) return;
          settled = true;
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode, json, headers: response.headers });
        });
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () =>
      request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    request.on('error', fail);
    request.end(payload);
  });
}

const causeOf = (error) =>
  ({ ECONNREFUSED: 'refused', ECONNRESET: 'reset', EPIPE: 'reset', ETIMEDOUT: 'timeout' })[
    error.code
  ] ?? String(error.code ?? error.message);

/** Counters and latency samples of one backend's run. */
function createStats() {
  return {
    // Answered requests as [when the attempt started, how long it took], in ms of performance.now().
    latency: { upload: [], pull: [], pairing: [] },
    // From an upload's first attempt to its 2xx, retries included.
    ackLatency: [],
    ok: { upload: 0, pull: 0, pairing: 0 },
    // Every failed attempt that was tried again: { kind, cause, at } (when it failed).
    retries: [],
    inFlight: { upload: 0, pull: 0, pairing: 0 },
    refused: [],
  };
}

class Refused extends Error {}

/**
 * Sends a request until the relay answers 2xx: network failures and 5xx are retried after an
 * exponential backoff with jitter (100 ms doubling to 2 s), 429 after its Retry-After. Any other
 * answer is a refusal, which a correct phone never gets, so it fails the run. Resolves undefined
 * when `giveUpAt` passes first.
 */
async function send(run, kind, method, path, requestOptions, giveUpAt) {
  const { stats } = run;
  let failures = 0;
  for (;;) {
    const started = performance.now();
    stats.inFlight[kind]++;
    let answer;
    let cause;
    try {
      answer = await call(run.port, method, path, requestOptions);
    } catch (error) {
      cause = causeOf(error);
    } finally {
      stats.inFlight[kind]--;
    }
    if (answer && answer.status >= 200 && answer.status < 300) {
      stats.latency[kind].push([started, performance.now() - started]);
      stats.ok[kind]++;
      answer.attemptStartedAt = started;
      return answer;
    }
    let wait;
    if (answer?.status === 429) {
      cause = 'rate-limited';
      wait = Number(answer.headers['retry-after'] ?? 1) * 1000;
    } else if (answer && answer.status < 500) {
      const refusal = `${method} ${path.replace(/[0-9a-f-]{20,}/g, ':id')} answered ${answer.status}: ${JSON.stringify(answer.json?.error ?? answer.json)}`;
      stats.refused.push(refusal);
      throw new Refused(refusal);
    } else {
      cause ??= `http-${answer.status}`;
      wait = Math.min(2000, 100 * 2 ** failures) * (0.5 + Math.random() / 2);
    }
    failures++;
    stats.retries.push({ kind, cause, at: performance.now() });
    if (performance.now() + wait > giveUpAt) return undefined;
    await sleep(wait);
  }
}

// ---------------------------------------------------------------------------------------------
// Couples and phones

const TIME_ZONES = ['Europe/Berlin', 'America/New_York'];
const DAY = 86_400_000;

/**
 * Each couple pairs from a loopback address of its own (127.0.0.2, 127.0.0.3, …): the relay limits
 * pairing per client address, as it would for couples on different networks. Where such addresses
 * cannot be bound, everything comes from 127.0.0.1 and pairing waits out the limit.
 */
let ownAddresses = true;
const addressOf = (index) =>
  ownAddresses ? `127.0.${1 + Math.floor(index / 250)}.${2 + (index % 250)}` : undefined;

async function checkOwnAddresses(port) {
  try {
    await call(port, 'GET', '/health', { localAddress: addressOf(0) });
  } catch (error) {
    if (error.code !== 'EADDRNOTAVAIL') throw error;
    ownAddresses = false;
    console.warn(
      '  loopback addresses other than 127.0.0.1 cannot be bound: pairing from one address',
    );
  }
}

/** Creates a couple as its first partner and joins it as the second, through the relay's routes. */
async function pairCouple(run, index) {
  const localAddress = addressOf(index);
  const giveUpAt = performance.now() + 120_000;
  const [first, second] = [`ana-${index}`, `kai-${index}`];
  // Each phone pairs with its device id and the public half of its signing key, as the app does.
  const keyOf = async () => {
    const keys = await generateDeviceSigningKey();
    return { device: createDeviceId(), keys, signingKey: await exportSigningPublicKey(keys) };
  };
  const [firstDevice, secondDevice] = [await keyOf(), await keyOf()];
  const created = await send(
    run,
    'pairing',
    'POST',
    '/couples',
    {
      body: {
        partner: { id: first, timeZone: TIME_ZONES[0] },
        startedAt: Date.now() - 14 * DAY,
        device: firstDevice.device,
        signingKey: firstDevice.signingKey,
      },
      localAddress,
    },
    giveUpAt,
  );
  const joined = await send(
    run,
    'pairing',
    'POST',
    '/couples/join',
    {
      body: {
        code: created.json.code,
        partner: { id: second, timeZone: TIME_ZONES[1] },
        device: secondDevice.device,
        signingKey: secondDevice.signingKey,
      },
      localAddress,
    },
    giveUpAt,
  );
  // The first partner learns the other's id as an app does, from GET /couples/:id.
  const status = await send(
    run,
    'pairing',
    'GET',
    `/couples/${created.json.couple}`,
    { token: created.json.token, localAddress },
    giveUpAt,
  );
  if (!status.json.paired) throw new Error(`Couple ${index} is not paired after joining`);
  const couple = joined.json.couple;
  // The key both phones would agree on through the relay's public keys; here, one made for both.
  const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });
  return [
    createPhone(couple, first, second, created.json.token, localAddress, firstDevice, cipher),
    createPhone(couple, second, first, joined.json.token, localAddress, secondDevice, cipher),
  ];
}

function createPhone(couple, partner, other, token, localAddress, signing, cipher) {
  const { device } = signing;
  return {
    cipher,
    signer: createDeviceSigner({
      couple: couple.id,
      partner,
      device,
      privateKey: signing.keys.privateKey,
    }),
    couple,
    partner,
    other,
    device,
    token,
    localAddress,
    engine: createEngine({
      program: nineStepProgram,
      couple,
      device,
      maxFutureMs: Number.POSITIVE_INFINITY,
    }),
    pushed: {},
    since: 0,
    recorded: 0,
    /** Ids of own events the relay acknowledged with a 2xx. */
    acknowledged: new Set(),
    /** Events of an upload that never got its 2xx before the phone gave up. */
    unacknowledged: 0,
    /** Ids of the other partner's events pulled, to spot one delivered twice. */
    received: new Set(),
    redelivered: 0,
    rejectedOnPull: 0,
    duplicateAnswers: 0,
  };
}

/** Records one to three small events: check-ins and written answers, all shared. */
function record(phone) {
  const count = 1 + Math.floor(Math.random() * 3);
  for (let i = 0; i < count; i++) {
    if (Math.random() < 0.5) {
      phone.engine.recordCheckIn(phone.partner, 'weekly-check-in', {
        closeness: 1 + Math.floor(Math.random() * 5),
      });
    } else {
      // A reflection of the first step, shared: the other partner may hold it.
      phone.engine.answer(
        phone.partner,
        'what-feels-safe',
        ['safe', 'shut-down', 'open-up'][i],
        `When you listen without fixing it (${phone.recorded + i})`,
        'shared',
      );
    }
  }
  phone.recorded += count;
}

/** Uploads what the other partner has not been sent; true once the relay acknowledged it. */
async function push(run, phone, giveUpAt) {
  // Only this phone's own events: it can sign nothing else.
  const own = phone.engine.getEvents().filter((event) => event.device === phone.device);
  const batch = exportEvents(own, {
    couple: phone.couple,
    recipient: phone.other,
    since: phone.pushed,
  });
  if (batch.events.length === 0) return true;
  const started = performance.now();
  const answer = await send(
    run,
    'upload',
    'POST',
    `/couples/${phone.couple.id}/events`,
    {
      body: {
        ...batch,
        // Encrypted, then signed over what travels, as the web app's phones send.
        events: await signEvents(
          await encryptEvents(batch.events, phone.cipher, { plainTypes: relayReadableEventTypes }),
          phone.signer,
        ),
      },
      token: phone.token,
      localAddress: phone.localAddress,
    },
    giveUpAt,
  );
  if (!answer) {
    phone.unacknowledged += batch.events.length;
    return false;
  }
  run.stats.ackLatency.push(performance.now() - started);
  run.lastAckAt = performance.now();
  // The first upload sent after the kill and acknowledged: an answer the old relay gave just
  // before it died does not count.
  if (run.killedAt !== undefined && answer.attemptStartedAt > run.killedAt) {
    run.firstAckAfterKill ??= performance.now();
  }
  // A retried upload whose first attempt committed before the crash comes back as duplicates.
  if (answer.json.duplicates > 0) phone.duplicateAnswers++;
  for (const event of batch.events) phone.acknowledged.add(event.id);
  phone.pushed = advanceCursor(phone.pushed, batch.events);
  return true;
}

/** Pulls every page since the last pull, decrypts it, checks it with importEvents and merges it. */
async function pull(run, phone, giveUpAt) {
  for (;;) {
    const answer = await send(
      run,
      'pull',
      'GET',
      `/couples/${phone.couple.id}/events?since=${phone.since}`,
      { token: phone.token, localAddress: phone.localAddress },
      giveUpAt,
    );
    if (!answer) return false;
    const page = answer.json;
    for (const event of page.events) {
      if (event.partner !== phone.other) continue;
      if (phone.received.has(event.id)) phone.redelivered++;
      phone.received.add(event.id);
    }
    const opened = await decryptEvents(page.events, phone.cipher, {
      allowPlain: relayReadableEventTypes,
    });
    const result = importEvents(
      phone.engine.getEvents(),
      { ...page, events: opened.events },
      { couple: phone.couple, device: phone.device, self: phone.partner },
    );
    phone.rejectedOnPull += opened.rejected.length + result.rejected.length;
    if (result.added.length > 0) phone.engine.receive(result.added);
    phone.since = page.next;
    if (!page.more) return true;
  }
}

/** A phone's day, compressed: record, upload, pull, pause, until the run ends. */
async function live(run, phone) {
  await sleep(Math.random() * options.thinkMs);
  try {
    while (performance.now() < run.endAt) {
      record(phone);
      if (!(await push(run, phone, run.giveUpAt))) return;
      if (!(await pull(run, phone, run.giveUpAt))) return;
      await sleep(options.thinkMs * (0.5 + Math.random()));
    }
  } catch (error) {
    // A refusal is in the stats and fails the run; this phone stops, the others go on.
    if (!(error instanceof Refused)) throw error;
  }
}

/** Runs `task` over `items`, `limit` at a time. */
async function eachLimited(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Databases

/** A SQLite file in a temporary folder. */
function sqliteBackend() {
  const dir = mkdtempSync(join(os.tmpdir(), 'attune-relay-bench-'));
  return {
    name: 'sqlite',
    storageArgs: ['--data', dir],
    async storedIds() {
      const Database = serverRequire('better-sqlite3');
      const db = new Database(join(dir, 'attune-relay.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT couple_id AS couple, event_id AS id FROM events').all();
      } finally {
        db.close();
      }
    },
    async stop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A throwaway PostgreSQL server in a temporary folder, on a unix socket only, started and deleted
 * by the same code as the relay's tests (src/testing/postgres-cluster.ts, through tsx).
 */
async function postgresBackend() {
  const { findPostgresBin, startPostgresCluster } = await import(
    '../examples/sync-server/src/testing/postgres-cluster.ts'
  );
  const bin = await findPostgresBin();
  if (!bin) {
    throw new Error(
      'No PostgreSQL found (/usr/lib/postgresql/<version>/bin or initdb on the PATH): install it (Debian: apt-get install postgresql), or run with --backend sqlite',
    );
  }
  const cluster = await startPostgresCluster(bin);
  return {
    name: 'postgres',
    bin,
    storageArgs: ['--database-url', cluster.url],
    async storedIds() {
      const pg = serverRequire('pg');
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          'SELECT couple_id AS couple, event_id AS id FROM events',
        );
        return rows;
      } finally {
        await client.end();
      }
    },
    stop: () => cluster.stop(),
  };
}

// ---------------------------------------------------------------------------------------------
// One run

const percentile = (samples, p) => {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
};
const ms = (value) => (value === null ? null : Number(value.toFixed(1)));
const summary = (samples) => ({
  count: samples.length,
  p50Ms: ms(percentile(samples, 0.5)),
  p99Ms: ms(percentile(samples, 0.99)),
  maxMs: ms(percentile(samples, 1)),
});
const sum = (counts) => Object.values(counts).reduce((total, count) => total + count, 0);

/** Pulls a phone's whole history again from position 0, as a reinstalled phone would. */
async function pullEverything(run, phone, giveUpAt) {
  const ids = [];
  let since = 0;
  for (;;) {
    const answer = await send(
      run,
      'pull',
      'GET',
      `/couples/${phone.couple.id}/events?since=${since}`,
      { token: phone.token, localAddress: phone.localAddress },
      giveUpAt,
    );
    if (!answer) throw new Error('The relay stopped answering during the final pulls');
    for (const event of answer.json.events) if (event.partner === phone.other) ids.push(event.id);
    since = answer.json.next;
    if (!answer.json.more) return ids;
  }
}

async function runBackend(name) {
  const label = name.padEnd(8);
  const backend = name === 'sqlite' ? sqliteBackend() : await postgresBackend();
  active.backend = backend;
  const log = relayLog();
  const port = await freePort();
  const run = { port, stats: createStats() };
  // The machine is shared: how busy it was says how far to trust the figures.
  const loadBefore = os.loadavg()[0];
  let relay;
  try {
    relay = await startRelay(port, backend.storageArgs, log);
    console.log(`${label} relay up on 127.0.0.1:${port} in ${(relay.startMs / 1000).toFixed(1)} s`);
    await checkOwnAddresses(port);

    const pairingStarted = performance.now();
    const pairs = await eachLimited(
      Array.from({ length: options.couples }, (_, index) => index),
      8,
      (index) => pairCouple(run, index),
    );
    const phones = pairs.flat();
    const pairingMs = performance.now() - pairingStarted;
    console.log(
      `${label} paired ${options.couples} couples (${phones.length} phones) in ${(pairingMs / 1000).toFixed(1)} s`,
    );

    const durationMs = options.durationS * 1000;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpuBefore = process.cpuUsage();
    run.startAt = performance.now();
    run.endAt = run.startAt + durationMs;
    run.giveUpAt = run.endAt + GRACE_MS;
    const elapsed = () => ((performance.now() - run.startAt) / 1000).toFixed(1);
    const acknowledged = () => phones.reduce((total, phone) => total + phone.acknowledged.size, 0);

    const progress = setInterval(() => {
      console.log(`${label} ${elapsed().padStart(5)} s  ${acknowledged()} events acknowledged`);
    }, 10_000);
    const restart = {};
    const crash = (async () => {
      await sleep(durationMs / 2);
      // Kill while uploads are in flight, so that some are cut before, during or after their
      // commit: a relay that keeps up has only a few at a time. At most 2 s of waiting for them.
      const target = Math.max(1, Math.ceil(phones.length / 100));
      const waitFrom = performance.now();
      while (run.stats.inFlight.upload < target && performance.now() - waitFrom < 2000) {
        await sleep(1);
      }
      restart.waitedForUploadsMs = Math.round(performance.now() - waitFrom);
      restart.inFlightAtKill = { ...run.stats.inFlight };
      restart.killedAtS = Number(elapsed());
      run.killedAt = performance.now();
      relay.child.kill('SIGKILL');
      restart.exitedBy = await relay.exited;
      relay = await startRelay(port, backend.storageArgs, log);
      run.backAt = relay.listenedAt ?? performance.now();
      restart.relayListeningMs = Math.round(run.backAt - run.killedAt);
      restart.healthAnswersMs = Math.round(performance.now() - run.killedAt);
      console.log(
        `${label} ${elapsed().padStart(5)} s  killed the relay (SIGKILL) at ${restart.killedAtS} s with ${restart.inFlightAtKill.upload} uploads and ${restart.inFlightAtKill.pull} pulls in flight; listening again after ${(restart.relayListeningMs / 1000).toFixed(2)} s`,
      );
    })();

    try {
      await Promise.all([...phones.map((phone) => live(run, phone)), crash]);
    } finally {
      clearInterval(progress);
    }
    const loadMs = performance.now() - run.startAt;
    const cpu = process.cpuUsage(cpuBefore);
    loop.disable();
    // What the final pulls below add is verification, not load.
    const atLoadEnd = {
      upload: [...run.stats.latency.upload],
      pull: [...run.stats.latency.pull],
    };
    // Requests answered before the kill, and those sent once the relay answered again.
    const phase = (samples) => ({
      beforeKill: summary(
        samples.filter(([at, took]) => at + took < run.killedAt).map(([, took]) => took),
      ),
      afterRestart: summary(samples.filter(([at]) => at >= run.backAt).map(([, took]) => took)),
    });
    const retriesOf = (kind) => {
      const byCause = {};
      const byPhase = { beforeKill: 0, killToRestart: 0, afterRestart: 0 };
      for (const retry of run.stats.retries.filter((item) => item.kind === kind)) {
        byCause[retry.cause] = (byCause[retry.cause] ?? 0) + 1;
        if (retry.at < run.killedAt) byPhase.beforeKill++;
        else if (retry.at < run.backAt) byPhase.killToRestart++;
        else byPhase.afterRestart++;
      }
      return { total: sum(byCause), byCause, byPhase };
    };
    restart.firstAckAfterKillMs =
      run.firstAckAfterKill === undefined ? null : Math.round(run.firstAckAfterKill - run.killedAt);

    // Verification: the phones' own pulls, a full pull per phone, then the database itself.
    const verifyUntil = performance.now() + 60_000;
    await eachLimited(phones, 16, (phone) => pull(run, phone, verifyUntil));
    const fullPulls = await eachLimited(phones, 16, (phone) =>
      pullEverything(run, phone, verifyUntil),
    );
    relay.child.kill('SIGTERM');
    await relay.exited;
    relay = undefined;
    const rows = await backend.storedIds();

    const key = (couple, id) => `${couple}\u0000${id}`;
    const stored = new Map();
    for (const row of rows)
      stored.set(key(row.couple, row.id), (stored.get(key(row.couple, row.id)) ?? 0) + 1);
    let missingFromPull = 0;
    let missingFromDatabase = 0;
    let missedByPhonePulls = 0;
    let duplicatedInPull = 0;
    phones.forEach((phone, index) => {
      const ids = fullPulls[index];
      const pulled = new Set(ids);
      duplicatedInPull += ids.length - pulled.size;
      // The other phone of the couple: its events are the ones this phone must have pulled.
      const sender = phones[index % 2 === 0 ? index + 1 : index - 1];
      for (const id of sender.acknowledged) {
        if (!pulled.has(id)) missingFromPull++;
        if (!phone.received.has(id)) missedByPhonePulls++;
        if (!stored.has(key(sender.couple.id, id))) missingFromDatabase++;
      }
    });
    const duplicatedInDatabase = [...stored.values()].filter((count) => count > 1).length;
    const totals = (field) => phones.reduce((total, phone) => total + phone[field], 0);
    const acked = acknowledged();
    const loadS = loadMs / 1000;
    const lost = missingFromPull + missingFromDatabase + missedByPhonePulls;
    const duplicated = duplicatedInDatabase + duplicatedInPull;
    const retries = {
      upload: retriesOf('upload'),
      pull: retriesOf('pull'),
      pairing: retriesOf('pairing'),
    };
    return {
      backend: name,
      ...(backend.bin && { postgres: backend.bin }),
      couples: options.couples,
      phones: phones.length,
      pairingS: Number((pairingMs / 1000).toFixed(1)),
      loadS: Number(loadS.toFixed(1)),
      events: {
        recorded: totals('recorded'),
        acknowledged: acked,
        unacknowledgedAtEnd: totals('unacknowledged'),
        storedRows: rows.length,
        lost,
        missingFromFullPull: missingFromPull,
        missingFromDatabase,
        missedByPhonePulls,
        duplicated,
        duplicatedInDatabase,
        duplicatedInFullPull: duplicatedInPull,
        redeliveredToPhones: totals('redelivered'),
        rejectedOnPull: totals('rejectedOnPull'),
      },
      latency: {
        upload: {
          ...summary(atLoadEnd.upload.map(([, took]) => took)),
          ...phase(atLoadEnd.upload),
        },
        pull: { ...summary(atLoadEnd.pull.map(([, took]) => took)), ...phase(atLoadEnd.pull) },
        uploadUntilAcknowledged: summary(run.stats.ackLatency),
      },
      throughput: {
        eventsPerSecond: Math.round(acked / loadS),
        uploadsPerSecond: Math.round(atLoadEnd.upload.length / loadS),
        pullsPerSecond: Math.round(atLoadEnd.pull.length / loadS),
        requestsPerSecond: Math.round((atLoadEnd.upload.length + atLoadEnd.pull.length) / loadS),
      },
      retries: {
        total: retries.upload.total + retries.pull.total + retries.pairing.total,
        ...retries,
      },
      restart: {
        ...restart,
        uploadsAnsweredAsDuplicates: totals('duplicateAnswers'),
      },
      relayUnexpectedErrors: log.unexpected,
      refusals: run.stats.refused.slice(0, 5),
      loadAverage: {
        before: Number(loadBefore.toFixed(1)),
        after: Number(os.loadavg()[0].toFixed(1)),
      },
      client: {
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
        eventLoopDelayP99Ms: ms(loop.percentile(99) / 1e6),
      },
      ok: lost === 0 && duplicated === 0 && run.stats.refused.length === 0,
    };
  } finally {
    if (relay) {
      relay.child.kill('SIGKILL');
      await relay.exited;
    }
    await backend.stop();
    active.relay = undefined;
    active.backend = undefined;
  }
}

// ---------------------------------------------------------------------------------------------

function printTable(results) {
  const row = (pick) => Object.fromEntries(results.map((result) => [result.backend, pick(result)]));
  const causes = (counts) =>
    Object.entries(counts)
      .map(([cause, count]) => `${count} ${cause}`)
      .join(', ') || '0';
  const table = {
    'couples / phones': row((r) => `${r.couples} / ${r.phones}`),
    'load (s)': row((r) => r.loadS),
    'events acknowledged': row((r) => r.events.acknowledged),
    'events lost': row((r) => r.events.lost),
    'events duplicated': row((r) => r.events.duplicated),
    'unacknowledged at the end': row((r) => r.events.unacknowledgedAtEnd),
    'rows stored': row((r) => r.events.storedRows),
    'events/s acknowledged': row((r) => r.throughput.eventsPerSecond),
    'requests/s (2xx)': row((r) => r.throughput.requestsPerSecond),
    'upload p50 / p99 (ms)': row((r) => `${r.latency.upload.p50Ms} / ${r.latency.upload.p99Ms}`),
    'pull p50 / p99 (ms)': row((r) => `${r.latency.pull.p50Ms} / ${r.latency.pull.p99Ms}`),
    'upload until acked p99 / max (ms)': row(
      (r) =>
        `${r.latency.uploadUntilAcknowledged.p99Ms} / ${r.latency.uploadUntilAcknowledged.maxMs}`,
    ),
    'upload p50 / p99 before the kill': row(
      (r) => `${r.latency.upload.beforeKill.p50Ms} / ${r.latency.upload.beforeKill.p99Ms}`,
    ),
    'upload p50 / p99 after the restart': row(
      (r) => `${r.latency.upload.afterRestart.p50Ms} / ${r.latency.upload.afterRestart.p99Ms}`,
    ),
    'retries, uploads': row((r) => causes(r.retries.upload.byCause)),
    'retries, pulls': row((r) => causes(r.retries.pull.byCause)),
    'retries before kill / outage / after': row((r) => {
      const of = (key) => r.retries.upload.byPhase[key] + r.retries.pull.byPhase[key];
      return `${of('beforeKill')} / ${of('killToRestart')} / ${of('afterRestart')}`;
    }),
    'in flight at the kill (up / pull)': row(
      (r) => `${r.restart.inFlightAtKill?.upload} / ${r.restart.inFlightAtKill?.pull}`,
    ),
    'kill until listening again (ms)': row((r) => r.restart.relayListeningMs),
    'kill until /health answers (ms)': row((r) => r.restart.healthAnswersMs),
    'kill until first ack (ms)': row((r) => r.restart.firstAckAfterKillMs),
    'retried uploads found stored': row((r) => r.restart.uploadsAnsweredAsDuplicates),
    'relay unexpected errors': row((r) => r.relayUnexpectedErrors),
    'bench client CPU (s)': row((r) => r.client.cpuSeconds),
    'load average before / after': row((r) => `${r.loadAverage.before} / ${r.loadAverage.after}`),
  };
  console.table(table);
}

/** Stops what a run left behind (the relay, the throwaway database) and exits. */
async function abandon(message, code) {
  console.error(message);
  active.relay?.child.kill('SIGKILL');
  await active.backend?.stop().catch(() => undefined);
  process.exit(code);
}
setTimeout(
  () => abandon(`bench:relay took longer than ${HARD_LIMIT_MS / 1000} s; stopping`, 2),
  HARD_LIMIT_MS,
).unref();
process.once('SIGINT', () => abandon('Interrupted', 130));

console.log(
  `bench:relay: ${options.couples} couples, ${options.durationS} s, on ${options.backends.join(' and ')}; ${os.cpus().length} cores, Node ${process.version}`,
);
const results = [];
let failed = false;
for (const name of options.backends) {
  try {
    results.push(await runBackend(name));
  } catch (error) {
    failed = true;
    console.error(
      `${name}: the run did not finish: ${error instanceof Error ? error.stack : error}`,
    );
  }
}
agent.destroy();

const report = {
  node: process.version,
  date: new Date().toISOString(),
  machine: {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.release()}`,
  },
  options: {
    quick: options.quick,
    durationS: options.durationS,
    couples: options.couples,
    thinkMs: options.thinkMs,
    killAtS: options.durationS / 2,
  },
  backends: Object.fromEntries(results.map((result) => [result.backend, result])),
};
writeFileSync(resultsPath, `${JSON.stringify(report, null, 2)}\n`);
if (results.length > 0) printTable(results);
for (const result of results) {
  if (!result.ok) {
    failed = true;
    console.error(
      `${result.backend}: ${result.events.lost} acknowledged events lost, ${result.events.duplicated} duplicated${result.refusals.length > 0 ? `; refused: ${result.refusals.join('; ')}` : ''}`,
    );
  }
}
console.log(`Results in ${resultsPath}`);
process.exit(failed ? 1 : 0);
