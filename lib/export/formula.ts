// Spreadsheet formula injection: a cell that starts with = + - @ (or their full-width forms), tab or
// carriage return is run as a formula by Excel. Every CSV and xlsx cell we write goes through
// neutralizeCell (OWASP: prefix a single quote); imports undo it with restoreCell, so data round-trips.
const TRIGGERS = /^[=+\-@\t\r＝＋－＠]/;

export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  return TRIGGERS.test(value) ? `'${value}` : value;
}

/** An imported cell that we neutralised on export comes back as the original text. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && TRIGGERS.test(value.slice(1)) ? value.slice(1) : value;
}
