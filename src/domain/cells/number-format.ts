/**
 * What a number format does to the figure shown, beyond its decimals (shown-decimals.ts): whether it
 * scales the display by thousands or millions.
 */
import { memoFormat } from './memo';

/**
 * A number format that scales what is shown ("#,##0,," shows 12345678 as 12): the figure the clerk
 * sees is not the one stored, so neither can be trusted to be in the row's unit.
 */
export function scalingFormat(fmt: string | undefined): boolean {
  return !!fmt && scaling(fmt);
}

const scaling = memoFormat((fmt: string): boolean => {
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/[\\_*]./g, '');
  return /[0#?],+(?=$|[;%\s)])/.test(bare);
});
