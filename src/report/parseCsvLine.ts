/**
 * Splits one CSV line (RFC 4180) into its fields: quoted fields may contain commas and doubled
 * quotes. Lines of crm-sim's own files rarely quote, so the unquoted case takes a fast path.
 *
 * @param line - One line without its line end.
 * @returns The fields, unquoted.
 * @example
 * parseCsvLine('a,"b,c",d'); // ['a', 'b,c', 'd']
 */
export function parseCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
