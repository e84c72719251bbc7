import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunDirectory } from '@ipmgan/core/engine';
import { findWatchTargets } from './findWatchTargets.js';
import type { MetricPoint } from './MetricPoint.js';
import { RunWatcher } from './RunWatcher.js';
import type { RunView } from './RunView.js';
import { samplePayload } from './samplePayload.js';
import { watchPageHtml } from './watchPageHtml.js';

/** A package's browser build, from this install's node_modules: the page loads nothing from elsewhere. */
function vendorFile(specifier: string, file: string): string {
  // Each package's main entry is build/<name>.js: its folder is two levels up.
  return join(dirname(dirname(fileURLToPath(import.meta.resolve(specifier)))), 'build', file);
}

const VENDOR: Readonly<Record<string, string>> = {
  '/vendor/vega.min.js': vendorFile('vega', 'vega.min.js'),
  '/vendor/vega-lite.min.js': vendorFile('vega-lite', 'vega-lite.min.js'),
  '/vendor/vega-embed.min.js': vendorFile('vega-embed', 'vega-embed.min.js'),
};

/** Server-sent events to the page. */
type WatchEvent =
  | { readonly type: 'runs'; readonly directory: string; readonly runs: readonly RunView[] }
  | { readonly type: 'points'; readonly id: string; readonly reset: boolean; readonly points: readonly MetricPoint[] };

export interface WatchServerOptions {
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
  /** How often the run files are looked at, in milliseconds. */
  readonly pollMs?: number;
}

/**
 * `ipmgan watch`'s web server: the page at /, the vega builds at /vendor/, sample files at
 * /samples/<run id>/<iteration>, and /events, a stream of server-sent events with every
 * run's state and its new metric lines, from polling the files the runs write.
 */
export class WatchServer {
  readonly #server: Server;
  readonly #watchers = new Map<string, RunWatcher>();
  readonly #clients = new Set<ServerResponse>();
  #views: RunView[] = [];
  #viewsJson = '';
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly directory: string,
    readonly options: WatchServerOptions,
  ) {
    this.#server = createServer((request, response) => {
      this.#handle(request, response);
    });
  }

  /** Reads the runs once (a bad directory throws here), then listens; resolves with the page's URL. */
  async start(): Promise<string> {
    this.#poll();
    await new Promise<void>((resolveListen, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port, this.options.host, () => {
        this.#server.off('error', reject);
        resolveListen();
      });
    });
    this.#timer = setInterval(() => {
      this.#poll();
    }, this.options.pollMs ?? 1000);
    const { port } = this.#server.address() as AddressInfo;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${String(port)}/`;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    await new Promise<void>((done) => {
      this.#server.close(() => {
        done();
      });
      this.#server.closeAllConnections();
    });
  }

  #poll(): void {
    let targets;
    try {
      targets = findWatchTargets(this.directory);
    } catch (error) {
      // Runs that were seen stay on the page; the directory itself is checked at start.
      if (this.#watchers.size === 0 && this.#timer === undefined) throw error;
      targets = [...this.#watchers.values()].map((w) => w.target);
    }
    const views: RunView[] = [];
    for (const target of targets) {
      let watcher = this.#watchers.get(target.id);
      if (!watcher) {
        watcher = new RunWatcher(target);
        this.#watchers.set(target.id, watcher);
      }
      const change = watcher.poll();
      views.push(change.view);
      if (change.points.length > 0 || change.reset)
        this.#broadcast({ type: 'points', id: target.id, reset: change.reset, points: change.points });
    }
    this.#views = views;
    const json = JSON.stringify(views);
    if (json !== this.#viewsJson) {
      this.#viewsJson = json;
      this.#broadcast(this.#runsEvent());
    }
  }

  #runsEvent(): WatchEvent {
    return { type: 'runs', directory: this.directory, runs: this.#views };
  }

  #broadcast(event: WatchEvent): void {
    const text = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of this.#clients) client.write(text);
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(watchPageHtml());
      return;
    }
    const vendor = VENDOR[path];
    if (vendor !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(vendor));
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path === '/events') {
      this.#subscribe(response);
      return;
    }
    const sample = /^\/samples\/(.+)\/(\d+)$/.exec(path);
    if (sample) {
      this.#sample(decodeURIComponent(sample[1] ?? ''), Number(sample[2]), response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  }

  #subscribe(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (event: WatchEvent): void => {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    send(this.#runsEvent());
    for (const [id, watcher] of this.#watchers) send({ type: 'points', id, reset: true, points: watcher.allPoints() });
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  #sample(id: string, iteration: number, response: ServerResponse): void {
    const watcher = this.#watchers.get(id);
    const file = watcher
      ? new RunDirectory(watcher.target.directory).sampleFiles().find((f) => f.iteration === iteration)
      : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such sample file\n');
      return;
    }
    try {
      const payload = samplePayload(file);
      if (payload.kind === 'image') response.writeHead(200, { 'content-type': 'image/png' }).end(payload.png);
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`);
    }
  }
}
