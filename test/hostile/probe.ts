/** The smallest file only the inspector refuses: a valid workbook whose one row is numbered 1e9. */
import { bookParts } from './workbook-xml';
import { zip } from './zip-writer';

export function sheetRowProbe(): Uint8Array {
  return zip(bookParts({ sheets: [{ name: 'S', data: '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>' }] }));
}
