// Starts the real Tunesmith server for the browser tests: JDK lookup (as ./tunesmith does), an
// optional build, the e2e database, a free port on 127.0.0.1, /health polling, and a kill that
// also runs when the test process dies.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The repository root (src/test/e2e/lib -> ../../../..). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

export const ADMIN_PASSWORD = 'e2e-admin-password';
const JWT_SECRET = 'e2e-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const DB_NAME = 'tunesmith_e2e';
const DEFAULT_DB_URL = `postgresql://tunesmith:tunesmith@127.0.0.1:5432/${DB_NAME}`;
const HEALTH_TIMEOUT_MS = 90_000;

/** Feature version of a java binary, or null. */
function javaMajor(javaBin) {
  const r = spawnSync(javaBin, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
  const m = /java\.specification\.version = (\d+)/.exec(`${r.stderr}${r.stdout}`);
  return m ? Number(m[1]) : null;
}

/** A JDK >= 21, looked up like the launcher: $JAVA_HOME, javac on PATH, /usr/lib/jvm/*, /opt/java/*, /opt/jdk*. */
export function findJdk() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  const javac = spawnSync('sh', ['-c', 'command -v javac && readlink -f "$(command -v javac)"'], { encoding: 'utf8' });
  const real = javac.stdout.trim().split('\n').pop();
  if (real) candidates.push(resolve(real, '../..'));
  for (const dir of ['/usr/lib/jvm', '/opt/java']) {
    if (existsSync(dir)) candidates.push(...readdirSync(dir).map((d) => join(dir, d)));
  }
  if (existsSync('/opt')) candidates.push(...readdirSync('/opt').filter((d) => d.startsWith('jdk')).map((d) => join('/opt', d)));
  for (const home of candidates) {
    const java = join(home, 'bin/java');
    if (!existsSync(java) || !existsSync(join(home, 'bin/javac'))) continue;
    const major = javaMajor(java);
    if (major !== null && major >= 21) return home;
  }
  throw new Error('no JDK >= 21 found (set JAVA_HOME); the e2e tests start the real server');
}

/** Newest modification time (ms) of the files under path; 0 when absent. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** A build exists and no Java source, resource, migration or the POM is newer than its classes. */
function isBuiltAndFresh() {
  const built = existsSync(join(ROOT, 'target/classes/dev/tunesmith/Main.class'))
    && existsSync(join(ROOT, 'target/lib'))
    && existsSync(join(ROOT, 'webroot/vendor/abcjs-basic-min.js'));
  if (!built) return false;
  const sources = Math.max(...['src/main', 'sql', 'pom.xml'].map((p) => newestMtime(join(ROOT, p))));
  return sources <= newestMtime(join(ROOT, 'target/classes'));
}

/**
 * Builds with Maven when target/ has no build or an older one than the sources (webroot is served
 * from the work tree and needs none). TUNESMITH_E2E_BUILD=1 always builds, =0 never does.
 * Offline first (everything is cached after ./tunesmith setup), then online.
 */
export function buildIfNeeded(javaHome) {
  const flag = process.env.TUNESMITH_E2E_BUILD;
  if (flag === '0' || (flag !== '1' && isBuiltAndFresh())) return;
  const env = { ...process.env, JAVA_HOME: javaHome, PATH: `${javaHome}/bin:${process.env.PATH}` };
  for (const args of [['-o', '-B', '-q', '-DskipTests', 'package'], ['-B', '-q', '-DskipTests', 'package']]) {
    const r = spawnSync('mvn', args, { cwd: ROOT, env, stdio: ['ignore', 2, 2] }); // stdout is the runner's TAP stream
    if (r.status === 0) return;
  }
  throw new Error('mvn -DskipTests package failed; see the output above');
}

function psqlAsSuperuser(sql) {
  const asRoot = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v runuser']).status === 0;
  const [cmd, args] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', 'postgres']]
    : ['psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres']];
  execFileSync(cmd, args, { input: sql, stdio: ['pipe', 'ignore', 'pipe'] });
}

/**
 * The e2e database: role and database created when missing (TUNESMITH_E2E_DB_URL skips that), then
 * emptied so every run starts alike (the server migrates it and loads the demo catalog).
 * TUNESMITH_E2E_KEEP_DB=1 keeps the previous run's data.
 */
export function prepareDatabase() {
  const url = process.env.TUNESMITH_E2E_DB_URL || DEFAULT_DB_URL;
  if (!process.env.TUNESMITH_E2E_DB_URL) {
    try {
      psqlAsSuperuser(`DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tunesmith') THEN CREATE ROLE tunesmith LOGIN PASSWORD 'tunesmith'; END IF;
END $$;
SELECT 'CREATE DATABASE ${DB_NAME} OWNER tunesmith' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}')\\gexec
`);
    } catch (e) {
      throw new Error(`could not create the database ${DB_NAME} as the postgres superuser `
        + `(is PostgreSQL running on 127.0.0.1:5432? ./tunesmith setup starts it): ${String(e.stderr ?? e.message).trim()}`);
    }
  }
  if (process.env.TUNESMITH_E2E_KEEP_DB !== '1') {
    try {
      execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'],
        { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      throw new Error(`could not empty the e2e database ${url.replace(/:[^:@/]*@/, ':***@')}: ${String(e.stderr ?? e.message).trim()}`);
    }
  }
  return url;
}

function logTail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function health(base) {
  try {
    const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

/**
 * Builds if needed, prepares the database and starts `dev.tunesmith.Main serve` on a free port of
 * 127.0.0.1. Resolves to {baseUrl, port, logFile, stop()} once /health says UP.
 */
export async function startServer() {
  const javaHome = findJdk();
  buildIfNeeded(javaHome);
  const dbUrl = prepareDatabase();
  const port = await freePort();
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  const logFile = join(ROOT, 'target/e2e-server.log');
  const log = openSync(logFile, 'w');
  const env = {
    ...process.env,
    PORT: String(port),
    TUNESMITH_HOST: '127.0.0.1',
    TUNESMITH_DB_URL: dbUrl,
    TUNESMITH_ADMIN_PASSWORD: ADMIN_PASSWORD,
    TUNESMITH_JWT_SECRET: JWT_SECRET,
    TUNESMITH_ALLOWED_ORIGINS: '',
    DJL_OFFLINE: 'true',
  };
  delete env.OLLAMA_BASE_URL; // offline agent: nothing outside 127.0.0.1
  const javaOpts = (process.env.TUNESMITH_JAVA_OPTS || '-Xmx2g').split(/\s+/).filter(Boolean);
  const child = spawn(join(javaHome, 'bin/java'),
    [...javaOpts, '-Dai.djl.offline=true', '--enable-native-access=ALL-UNNAMED', '-cp', 'target/classes:target/lib/*', 'dev.tunesmith.Main', 'serve'],
    { cwd: ROOT, env, stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  // Also when the test process itself ends early (a crash, the runner's timeout, Ctrl-C).
  const killNow = () => { if (exited === null) child.kill('SIGKILL'); };
  const onSignal = (sig) => { killNow(); process.exit(sig === 'SIGINT' ? 130 : 143); };
  process.once('exit', killNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const stop = async () => {
    process.removeListener('exit', killNow);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (exited !== null) return;
    const gone = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      throw new Error(`the server exited (${exited.code ?? exited.signal}) before it was healthy; the end of ${logFile}:\n${logTail(logFile)}`);
    }
    const h = await health(baseUrl);
    if (h?.status === 'UP') return { baseUrl, port, logFile, health: h, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`GET /health was not UP within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${JSON.stringify(h)}); the end of ${logFile}:\n${logTail(logFile)}`);
    }
    await delay(500);
  }
}
