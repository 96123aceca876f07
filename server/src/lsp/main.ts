/**
 * `amlint-language-server`: starts the language server on the transport named on the command
 * line (`--stdio`, `--node-ipc`, `--socket=PORT`, `--pipe=NAME`), or prints `--version` /
 * `--help`. Once a transport is chosen, stdout belongs to the protocol: console output goes to
 * the client's log (or stderr).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  type Connection,
} from 'vscode-languageserver/node';
import { setDocsBaseUrl } from '../engine';
import { consoleToStderr, redirectConsole } from './log';
import { AmlintServer } from './server';
import { enableCollect } from './memory';

const HELP = `Usage: amlint-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The amlint language server: diagnostics, hovers and quick fixes for Azure ML SDK v1
(azureml.*) code in Python files and Jupyter notebooks (LSP 3.17 notebook sync).

Options:
  --stdio          talk LSP over stdin/stdout (what most editors use)
  --node-ipc       talk LSP over a Node IPC channel (the VS Code client)
  --socket=PORT    connect to the client on a TCP port
  --pipe=NAME      connect to the client on a named pipe / Unix socket
  --version, -v    print the version and exit
  --help, -h       print this help and exit

Editor set-up: docs/editors.md.
`;

type Transport = { kind: 'stdio' } | { kind: 'node-ipc' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string };

/** The transport the arguments ask for; an error message for a bad or missing one. */
export function parseTransport(argv: string[]): Transport | string {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[i + 1];
    switch (flag) {
      case '--stdio':
        return { kind: 'stdio' };
      case '--node-ipc':
        return { kind: 'node-ipc' };
      case '--socket': {
        const port = Number(value);
        return Number.isInteger(port) && port > 0 ? { kind: 'socket', port } : `--socket needs a port number, got ${value ?? 'nothing'}`;
      }
      case '--pipe':
        return value ? { kind: 'pipe', name: value } : '--pipe needs a pipe name';
    }
  }
  return 'no transport given: use --stdio, --node-ipc, --socket=PORT or --pipe=NAME';
}

/** The folder of the amlint package (the nearest package.json named amlint above this file). */
function packageRoot(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'amlint') return dir;
    } catch {
      // keep looking upwards
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function packageVersion(root: string | undefined): string {
  if (!root) return '0.0.0';
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function connect(transport: Transport): Connection {
  switch (transport.kind) {
    case 'stdio':
      return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
    case 'node-ipc':
      return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
    case 'socket': {
      const [reader, writer] = createServerSocketTransport(transport.port);
      return createConnection(ProposedFeatures.all, reader, writer);
    }
    case 'pipe': {
      const [reader, writer] = createServerPipeTransport(transport.name);
      return createConnection(ProposedFeatures.all, reader, writer);
    }
  }
}

export function main(argv: string[]): void {
  const root = packageRoot();
  const version = packageVersion(root);
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const transport = parseTransport(argv);
  if (typeof transport === 'string') {
    process.stderr.write(`amlint-language-server: ${transport}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }

  // From here on stdout carries only the protocol.
  consoleToStderr();
  const docs = root && path.join(root, 'docs', 'rules');
  if (docs && fs.existsSync(docs)) setDocsBaseUrl(pathToFileURL(docs + path.sep).href);

  const connection = connect(transport);
  redirectConsole(connection);
  // A bug must cost one answer, not the editor's language server.
  process.on('uncaughtException', (error) => connection.console.error(`amlint: uncaught ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`amlint: unhandled rejection ${String(reason)}`));

  enableCollect();
  AmlintServer.register(connection, version);
  connection.listen();
}
