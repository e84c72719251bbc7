/** A Verdaccio process on loopback, started by startRegistry. */
export interface LocalRegistry {
  /** e.g. http://127.0.0.1:40123/ (with the trailing slash npm writes). */
  readonly url: string;
  /** The command line that started it. */
  readonly command: string;
  /** Its config file and log, in the throw-away folder. */
  readonly configFile: string;
  readonly logFile: string;
  /** Stops the process group: SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
}
