import { CliError } from '../CliError.js';
import { WatchServer } from '../watch/WatchServer.js';

export interface WatchOptions {
  readonly port: number;
  readonly host: string;
}

/**
 * `ipmgan watch [DIR]` (`path`: DIR resolved; `dir` as typed): serves a page that follows a run, a compare or a folder of them live
 * (curves, states, sample files), read from the files the runs write, until Ctrl-C.
 */
export async function watch(path: string, dir: string, options: WatchOptions): Promise<void> {
  const server = new WatchServer(path, { host: options.host, port: options.port });
  let url: string;
  try {
    url = await server.start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`--port ${String(options.port)}: in use; pick another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      throw new CliError(`--host ${options.host}: not an address of this machine (${code})`);
    if (code === 'EACCES')
      throw new CliError(`--port ${String(options.port)}: not allowed (EACCES); pick one above 1023`);
    throw error;
  }
  process.stdout.write(`ipmgan: watching ${dir} at ${url} (Ctrl-C stops)\n`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
