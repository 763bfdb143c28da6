// A thin client: it starts `agentlint lsp` and lets the server do everything (diagnostics from
// the unsaved buffer, quick fixes, hover with the rule's documentation).
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

// How the server is started: `agentlint.path` (default: `agentlint` on PATH) with `lsp`.
function serverOptions(configuration) {
  const command = configuration.get('path') || 'agentlint';
  return { command, args: ['lsp'], transport: TransportKind.stdio };
}

function clientOptions() {
  return {
    // The server decides which Markdown files are agents; others get no diagnostics.
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    // A changed configuration or sibling agent re-lints the open files.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.agentlint.yaml,*.md}'),
    },
  };
}

function activate(context) {
  const configuration = vscode.workspace.getConfiguration('agentlint');
  client = new LanguageClient('agentlint', 'agentlint', serverOptions(configuration),
                              clientOptions());
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverOptions, clientOptions };
