/** What recognising a sheet needs besides the sheet: the configuration, the register, a year to fall back on. */
import type { Config } from '../config/schema';
import type { Register } from './register';

export interface RecogniseContext {
  config: Config;
  register: Register | null;
  /** the year for a period given only as a month (from the workbook's other sheets or the register) */
  fallbackYear: number | null;
}
