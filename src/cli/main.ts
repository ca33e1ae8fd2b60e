import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs, USAGE, UsageError } from './args';
import { ColumnError, runCheck, runConsistency, runSpans, type CommandOutput } from './commands';
import { runConvertAny } from './convert';
import { runStats } from './stats';

const VERSION = '0.1.0';

/** An unreadable input: one line, exit 2. */
export class InputError extends Error {}

function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file === '-' ? 0 : file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ERR_FS_FILE_TOO_LARGE'
              ? 'file too large to read'
              : (code ?? 'unreadable');
    throw new InputError(`cannot read ${file}: ${why}`);
  }
}

/** Writes atomically: a temporary file beside the target, then a rename. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.retag-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw new InputError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** Runs one command line and returns what to print; throws UsageError/InputError for exit 2. */
export function run(argv: readonly string[]): CommandOutput {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      return { stdout: USAGE + '\n', stderr: '', status: 0 };
    case 'version':
      return { stdout: `retag ${VERSION}\n`, stderr: '', status: 0 };
    case 'check':
      return args.consistency ? runConsistency(args, readInput) : runCheck(args, readInput);
    case 'spans':
      return runSpans(args, readInput);
    case 'convert':
      return runConvertAny(args, readInput);
    case 'stats':
      return runStats(args, readInput);
  }
}

function main(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`retag: cannot write output: ${e.code ?? e.message}\n`);
    process.exit(2);
  });
  let result: CommandOutput;
  try {
    result = run(process.argv.slice(2));
    if (result.file) writeAtomically(result.file.path, result.file.bytes);
    for (const f of result.files ?? []) writeAtomically(f.path, f.bytes);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof ColumnError) {
      process.stderr.write(`retag: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`retag: internal error: ${(e as Error).message ?? String(e)}\n`);
    process.exitCode = 70;
    return;
  }
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.status;
  if (typeof result.stdout === 'string' ? result.stdout.length > 0 : result.stdout.length > 0) {
    process.stdout.write(result.stdout);
  }
}

// Run only as the program, not when a test imports run().
if (!process.env.VITEST) main();
