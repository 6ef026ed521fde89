/**
 * Entry of the `zone-report` command line: dispatches to one command per file under commands/.
 * Never lets an exception reach the user as a stack trace: an unexpected failure is reported in both
 * languages with exit code 2.
 */
import { checkCommand, EXIT_INPUT, EXIT_OK } from './commands/check';
import { sampleCommand } from './commands/sample';
import { summaryCommand } from './commands/summary';
import { MAIN_HELP } from './help';
import { processIO, type CliIO } from './io';

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  sample: sampleCommand,
  summary: summaryCommand,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return name === undefined ? EXIT_INPUT : EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`未知命令:${name}\nUnknown command: ${name}\n\n${MAIN_HELP}`);
    return EXIT_INPUT;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    // A bug, not a user error: say so plainly, without a stack trace.
    const detail = e instanceof Error ? e.name : typeof e;
    io.err(
      `内部错误(${detail}):核查未能完成。请把命令行和输入文件交给维护人员。\n` +
        `Internal error (${detail}): the command could not complete. Please report the command line and input files to the maintainers.\n`,
    );
    return EXIT_INPUT;
  }
}
