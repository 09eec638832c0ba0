// The list of CLI commands, in the order `--help` shows them.
import type { CliCommand } from './command.ts';
import { startCommand } from './start.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { exportCommand } from './export.ts';
import { getCommand } from './get.ts';
import { lsCommand } from './ls.ts';
import { searchCommand } from './search.ts';
import { graphCommand } from './graph.ts';
import { validateCommand } from './validate.ts';
import { patternValidateCommand } from './pattern-validate.ts';
import { patternMatchCommand } from './pattern-match.ts';
import { detectCommand } from './detect.ts';
import { advisoryRenderCommand, advisoryPublishCommand } from './advisory.ts';
import { serveCommand } from './serve.ts';
import { orgAddCommand } from './org-add.ts';
import { accountAddCommand } from './account-add.ts';
import { tokenCreateCommand } from './token-create.ts';
import { tokenRevokeCommand } from './token-revoke.ts';
import { collectionAddCommand } from './collection-add.ts';
import { collectionGrantCommand, collectionRevokeCommand } from './collection-rights.ts';
import { feedAddCommand } from './feed-add.ts';
import { feedPullCommand } from './feed-pull.ts';
import { feedPushCommand } from './feed-push.ts';
import { shareCommand } from './share.ts';
import { provenanceCommand } from './provenance.ts';

export const commands: CliCommand[] = [
  startCommand,
  importCommand,
  ingestCommand,
  exportCommand,
  getCommand,
  lsCommand,
  searchCommand,
  graphCommand,
  validateCommand,
  patternValidateCommand,
  patternMatchCommand,
  detectCommand,
  advisoryRenderCommand,
  advisoryPublishCommand,
  serveCommand,
  orgAddCommand,
  accountAddCommand,
  tokenCreateCommand,
  tokenRevokeCommand,
  collectionAddCommand,
  collectionGrantCommand,
  collectionRevokeCommand,
  feedAddCommand,
  feedPullCommand,
  feedPushCommand,
  shareCommand,
  provenanceCommand,
];
