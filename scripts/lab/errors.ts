import { ImageTrustError } from '../../server/src/errors';

/**
 * Why the trust lab could not do something. Callers (the CLI, the test helper) branch on these codes;
 * the message and the `details` (command, log path, exit code) are for people.
 */
export type LabErrorCode =
  | 'LAB_COMMAND_FAILED' // a tool (openssl, notary, skopeo, tar) exited non-zero or could not start
  | 'LAB_NOT_READY' // a service did not answer its readiness URL before the deadline
  | 'LAB_PORT_IN_USE' // every free-port attempt collided with another process
  | 'LAB_PROCESS_DIED' // a service exited before it became ready
  | 'LAB_STATE_INVALID' // .lab/state.json is missing, unreadable or of another shape/version
  | 'LAB_LOCKED' // another process held the lab lock past the deadline
  | 'LAB_UNEXPECTED'; // the tools answered something the lab does not understand (e.g. no digest)

export class LabError extends ImageTrustError<LabErrorCode> {
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: LabErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, string | number> },
  ) {
    super(code, message, options);
    this.details = options?.details ?? {};
  }
}
