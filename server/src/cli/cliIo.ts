/** What the CLI touches besides the files it checks: output streams and the working directory. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Environment for trust lookups (DOCKER_CONFIG, DOCKER_CONTENT_TRUST_SERVER, proxies); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Exit codes: 0 clean (warnings allowed), 1 at least one error finding, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
