/** Machine-readable reasons a redaction failed. */
export type PiiveilErrorCode =
  | 'DETECTOR_FAILED'
  | 'OPERATOR_FAILED'
  | 'INPUT_TOO_LARGE'
  | 'STREAM_ENDED'
  | 'INVALID_INPUT'
  | 'VAULT_FULL';

/**
 * The one error class piiveil throws for data problems. Its message never contains input text:
 * it says what failed and where (detector name, offsets), so it is safe to log.
 *
 * @example
 * try { createRedactor({ onError: 'throw' }).redact(text) }
 * catch (error) { if (error instanceof PiiveilError) console.error(error.code) }
 */
export class PiiveilError extends Error {
  readonly code: PiiveilErrorCode;

  constructor(code: PiiveilErrorCode, message: string) {
    super(message);
    this.name = 'PiiveilError';
    this.code = code;
  }
}
