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

/**
 * Maps `f` over `items` as `Array.map` does, but reports every problem at once: the
 * messages of all the UserErrors thrown are joined into one (other errors pass through).
 */
export function mapReportingAll<T, R>(items: readonly T[], f: (item: T, k: number) => R): R[] {
  const problems: string[] = [];
  const out = items.map((item, k) => {
    try {
      return f(item, k);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(e.message);
      return undefined as R;
    }
  });
  if (problems.length) throw new UserError(problems.join("\n"));
  return out;
}
