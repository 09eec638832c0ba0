// The list of CLI commands, in the order `--help` shows them.
import type { CliCommand } from './command.ts';
import { startCommand } from './start.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { exportCommand } from './export.ts';
import { getCommand } from './get.ts';
import { lsCommand } from './ls.ts';
import { graphCommand } from './graph.ts';
import { validateCommand } from './validate.ts';
import { patternValidateCommand } from './pattern-validate.ts';
import { patternMatchCommand } from './pattern-match.ts';

export const commands: CliCommand[] = [
  startCommand,
  importCommand,
  ingestCommand,
  exportCommand,
  getCommand,
  lsCommand,
  graphCommand,
  validateCommand,
  patternValidateCommand,
  patternMatchCommand,
];
