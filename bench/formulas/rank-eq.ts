/**
 * RANK.EQ for HyperFormula. HyperFormula 3.5 has no RANK / RANK.EQ, and it is the function a bureau
 * ranks with by hand, so the formula side registers Excel's semantics as a function plugin: the
 * rank of a number among the numbers of a range, descending unless order ≠ 0, ties sharing the best
 * place (1, 2, 2, 4); text, booleans and empty cells in the range are ignored; #N/A when the number
 * is not in the range. One pass over the range per call, as Excel.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from 'hyperformula';
import type { ProcedureAst } from 'hyperformula/typings/parser/Ast';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';

/** A cell's number (plain or HyperFormula's formatted RichNumber), else null. */
function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && !(v instanceof CellError) && 'val' in v && typeof v.val === 'number') return v.val;
  return null;
}

export class RankEqPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    'RANK.EQ': {
      method: 'rankEq',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };

  rankEq(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('RANK.EQ'), (x: number, ref: SimpleRangeValue, order: number) => {
      let better = 0;
      let found = false;
      for (const row of ref.data) {
        for (const cell of row) {
          const v = numberOf(cell);
          if (v === null) continue;
          if (v === x) found = true;
          else if (order === 0 ? v > x : v < x) better++;
        }
      }
      return found ? better + 1 : new CellError(ErrorType.NA);
    });
  }
}

let registered = false;
export function registerRankEq(): void {
  // a custom function needs its name in the language in use (enGB, the default) to be parsed
  if (!registered) HyperFormula.registerFunctionPlugin(RankEqPlugin, { enGB: { 'RANK.EQ': 'RANK.EQ' } });
  registered = true;
}
