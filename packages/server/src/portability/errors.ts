// Why an import failed, and on which line: the whole import is rolled back, so one precise message is all the
// operator needs to fix the file and run it again.

/** A failed import: `line` is 1-based (0 when the problem is not on one line), `reason` names the record and field. */
export class ImportError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'ImportError';
  }
}

/** A problem found while checking one record, before its line number is attached (see `atLine`). */
export class RecordError extends Error {}

/** Runs a check of the record on `line`, turning a RecordError into the ImportError that names the line. */
export function atLine<T>(line: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RecordError) throw new ImportError(line, error.message);
    throw error;
  }
}
