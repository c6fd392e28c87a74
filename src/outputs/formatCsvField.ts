/**
 * Formats a text field for CSV (RFC 4180): quoted, with quotes doubled, only when it contains
 * a comma, a double quote, CR or LF.
 *
 * @param text - The raw field.
 * @returns The field as written in the file.
 * @example
 * formatCsvField('a,b'); // '"a,b"'
 */
export function formatCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
