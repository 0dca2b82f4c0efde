// Starts a real `waymark serve --demo` on 127.0.0.1 port 0 with its own key file and SQLite
// database in a fresh temporary folder, and stops it with SIGTERM as an operator would.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const kStartTimeoutMs = 30_000;
const kStopTimeoutMs = 15_000;
// Enough of the JSON request log to explain a failure, without holding all of it.
const kLogTailChars = 20_000;
const kSetpriv = '/usr/bin/setpriv';

export function waymarkBinary() {
  return (
    process.env.WAYMARK_BINARY ??
    fileURLToPath(new URL('../../../build/waymark', import.meta.url))
  );
}

export class WaymarkServer {
  static async start() {
    const binary = waymarkBinary();
    try {
      await access(binary, constants.X_OK);
    } catch {
      throw new Error(
        `no waymark binary at ${binary}: build it (ninja -C build waymark) or set WAYMARK_BINARY`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'waymark-e2e-'));
    const server = new WaymarkServer(binary, dir);
    try {
      await run(binary, ['keys', 'init', '--key-file', server.keyFile]);
      await run(binary, ['migrate', '--database', server.database]);
      await server.#serve();
    } catch (error) {
      await server.stop().catch(() => {});
      await server.cleanUp();
      throw error;
    }
    return server;
  }

  constructor(binary, dir) {
    this.binary = binary;
    this.dir = dir;
    this.keyFile = join(dir, 'k.key');
    this.database = `sqlite:${join(dir, 'w.db')}`;
    this.url = null;
    this.child = null;
    this.exit = null;
    this.stdout = '';
    this.stderr = '';
  }

  #serve() {
    const args = ['serve', '--demo', '--listen', '127.0.0.1:0', '--database', this.database,
      '--key-file', this.keyFile];
    // The test runner ends a test process with SIGKILL when its output closes or a time limit
    // passes, and no handler runs then: util-linux's setpriv asks the kernel to send the server
    // SIGTERM when this process dies, and then execs waymark (same pid, same exit status).
    const child = existsSync(kSetpriv)
      ? spawn(kSetpriv, ['--pdeathsig', 'SIGTERM', this.binary, ...args],
        { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // Should this process end without stop(), the server must not outlive it.
    const orphanGuard = () => child.kill('SIGKILL');
    process.on('exit', orphanGuard);
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        process.off('exit', orphanGuard);
        resolve({ code, signal });
      });
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-kLogTailChars);
    });
    child.stdout.setEncoding('utf8');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`waymark did not start within ${kStartTimeoutMs} ms:\n${this.output()}`)),
        kStartTimeoutMs,
      );
      child.stdout.on('data', (chunk) => {
        this.stdout = (this.stdout + chunk).slice(-kLogTailChars);
        const match = this.stdout.match(/Waymark is serving on (http:\/\/127\.0\.0\.1:\d+)/);
        if (match && !this.url) {
          this.url = match[1];
          clearTimeout(timer);
          resolve();
        }
      });
      this.exit.then(({ code, signal }) => {
        clearTimeout(timer);
        if (!this.url) {
          reject(new Error(`waymark serve exited (code ${code}, signal ${signal}):\n${this.output()}`));
        }
      });
    });
  }

  output() {
    return `--- stdout ---\n${this.stdout}\n--- stderr (last part) ---\n${this.stderr}`;
  }

  // The demo user's current security code, as their authenticator app would show it.
  async totpCode(email) {
    const { stdout } = await run(this.binary, [
      'totp-code', '--demo', '--user', email, '--database', this.database,
      '--key-file', this.keyFile,
    ]);
    const code = stdout.trim();
    if (!/^\d{6}$/.test(code)) throw new Error(`totp-code printed ${JSON.stringify(stdout)}`);
    return code;
  }

  // SIGTERM, then the exit status: { code, signal }. A graceful shutdown is code 0.
  async stop() {
    if (!this.child) return null;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
    }
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), kStopTimeoutMs);
    });
    const result = await Promise.race([this.exit, timeout]);
    clearTimeout(timer);
    if (result === null) {
      this.child.kill('SIGKILL');
      await this.exit;
      return { code: null, signal: 'SIGKILL', timedOut: true };
    }
    return result;
  }

  async cleanUp() {
    await rm(this.dir, { recursive: true, force: true });
  }
}
