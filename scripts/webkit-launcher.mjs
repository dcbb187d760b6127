/**
 * WebKit for the browser tests: Debian's WebKitGTK (the webkit2gtk-driver package: WebKitWebDriver, and the
 * MiniBrowser it drives), the engine of Safari, over W3C WebDriver with no client library. A fresh browser, so empty
 * storage, for each test file, as the other browsers get a context of their own. MiniBrowser has no headless mode: it
 * draws into an X server of its own (Xvfb) unless DISPLAY names one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

const DRIVER = '/usr/bin/WebKitWebDriver';

/** WebKitWebDriver and MiniBrowser, when installed (`apt-get install -y webkit2gtk-driver xvfb`), else undefined. */
export function findWebKit() {
  if (!existsSync(DRIVER) || !existsSync('/usr/bin/Xvfb')) return undefined;
  for (const triplet of readdirSync('/usr/lib', { withFileTypes: true })) {
    if (!triplet.isDirectory()) continue;
    const browser = `/usr/lib/${triplet.name}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(browser)) return { driver: DRIVER, browser };
  }
  return undefined;
}

/** The W3C WebDriver key values for the keys the tests press. */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

/** `Shift+Tab` or `a`: the W3C key values pressed together, in order. */
function chord(press) {
  const names = press.length > 1 ? press.split('+') : [press];
  return names.map((name) => {
    const key = KEYS[name] ?? (name.length === 1 ? name : undefined);
    if (key === undefined) throw new Error(`webkit-launcher: no WebDriver key for "${name}"`);
    return key;
  });
}

const MOUSE_BUTTON = { left: 0, middle: 1, right: 2 };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts Xvfb on a display it picks itself (-displayfd); resolves with `:N` and the process. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let out = '';
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it named its display`)));
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
  });
}

class WebKitLauncher {
  name = 'WebKit';
  type = 'webdriver';
  /** WebKitWebDriver holds one browser at a time. */
  concurrency = 1;
  #paths;
  /** Xvfb, when this launcher started it. */
  #xvfb;
  #driver;
  #base;
  /** Test session id to { webdriver session id, url }. */
  #sessions = new Map();

  #display;

  constructor(paths) {
    this.#paths = paths;
  }

  async initialize() {
    this.#display = process.env.DISPLAY;
    if (!this.#display) {
      const xvfb = await startXvfb();
      this.#xvfb = xvfb.process;
      this.#display = xvfb.display;
    }
    // The runner calls stop() only once every browser has started: a driver that does not start takes Xvfb with it.
    await this.#startDriver().catch((error) => {
      this.#xvfb?.kill();
      throw error;
    });
  }

  async #startDriver() {
    const port = await freePort();
    // A process group of its own, so that stopping it stops the browser it started too.
    this.#driver = spawn(this.#paths.driver, [`--port=${port}`], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, DISPLAY: this.#display },
    });
    this.#base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 10_000; ;) {
      const ready = await fetch(`${this.#base}/status`, { signal: AbortSignal.timeout(1000) })
        .then((response) => response.json())
        .then((body) => body.value?.ready === true)
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) {
        this.#stopDriver();
        throw new Error('WebKitWebDriver did not start within 10 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: a driver that stopped answering may not act on a gentler signal. */
  #stopDriver() {
    try {
      process.kill(-this.#driver.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  async #command(method, path, body, timeoutMs = 60_000) {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  #session(id) {
    const session = this.#sessions.get(id);
    if (!session) throw new Error(`webkit-launcher: no session ${id}`);
    return `/session/${session.webdriver}`;
  }

  /**
   * A new browser for the test file. Navigation does not wait for the page's load (the runner waits for its tests).
   * Now and then, on 2 busy cores, a browser never answers its start: the driver, and the browser with it, is then
   * started again, once, with a warning. Only the start is tried again, never a test.
   */
  async startSession(id, url) {
    const start = async () => {
      const { sessionId } = await this.#command(
        'POST',
        '/session',
        {
          capabilities: {
            alwaysMatch: {
              pageLoadStrategy: 'none',
              'webkitgtk:browserOptions': { binary: this.#paths.browser, args: ['--automation'] },
            },
          },
        },
        30_000,
      );
      this.#sessions.set(id, { webdriver: sessionId, url });
      await this.#command('POST', `/session/${sessionId}/window/rect`, { width: 1280, height: 1000 }, 30_000);
      await this.#command('POST', `/session/${sessionId}/url`, { url }, 30_000);
    };
    try {
      await start();
    } catch (error) {
      console.warn(`webkit-launcher: WebKit did not start (${error.message}); starting its driver again`);
      this.#sessions.delete(id);
      this.#stopDriver();
      await this.#startDriver();
      await start();
    }
  }

  isActive(id) {
    return this.#sessions.has(id);
  }

  getBrowserUrl(id) {
    return this.#sessions.get(id)?.url;
  }

  async stopSession(id) {
    const path = this.#session(id);
    this.#sessions.delete(id);
    await this.#command('DELETE', path).catch(() => undefined);
    return {};
  }

  startDebugSession() {
    throw new Error('webkit-launcher: no debug session (MiniBrowser runs in Xvfb)');
  }

  async stop() {
    for (const { webdriver } of this.#sessions.values())
      await this.#command('DELETE', `/session/${webdriver}`).catch(() => undefined);
    this.#sessions.clear();
    if (this.#driver) this.#stopDriver();
    this.#xvfb?.kill();
  }

  #perform(id, actions) {
    return this.#command('POST', `${this.#session(id)}/actions`, { actions });
  }

  /** @web/test-runner-commands' sendKeys: `type` gives one character a key, `press` one key or a chord (`Shift+Tab`). */
  sendKeys(id, keys) {
    const actions = [];
    for (const entry of keys) {
      const pressed = chord(entry);
      actions.push(...pressed.map((value) => ({ type: 'keyDown', value })));
      actions.push(...pressed.reverse().map((value) => ({ type: 'keyUp', value })));
    }
    return this.#perform(id, [{ type: 'key', id: 'keyboard', actions }]);
  }

  #pointer(id, actions) {
    return this.#perform(id, [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }]);
  }

  sendMouseMove(id, x, y) {
    return this.#pointer(id, [{ type: 'pointerMove', duration: 0, x, y }]);
  }

  sendMouseClick(id, x, y, button = 'left') {
    return this.#pointer(id, [
      { type: 'pointerMove', duration: 0, x, y },
      { type: 'pointerDown', button: MOUSE_BUTTON[button] },
      { type: 'pointerUp', button: MOUSE_BUTTON[button] },
    ]);
  }

  sendMouseDown(id, button = 'left') {
    return this.#pointer(id, [{ type: 'pointerDown', button: MOUSE_BUTTON[button] }]);
  }

  sendMouseUp(id, button = 'left') {
    return this.#pointer(id, [{ type: 'pointerUp', button: MOUSE_BUTTON[button] }]);
  }

  async resetMouse(id) {
    await this.#command('DELETE', `${this.#session(id)}/actions`);
    await this.sendMouseMove(id, 0, 0);
  }
}

/** The launcher for web-test-runner's `browsers`, or undefined when WebKitGTK's driver is not installed. */
export function webkitLauncher() {
  const paths = findWebKit();
  return paths && new WebKitLauncher(paths);
}
