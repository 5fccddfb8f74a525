/**
 * A problem with what the user asked for (a missing file, a bad flag, an invalid
 * scenario). The CLI prints its message without a stack trace and exits with code 2.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
