// Loads extension.js with stand-ins for the `vscode` module and the language client, activates
// it, and checks how it would start the server. usage: node activate.js EXTENSION_DIR
'use strict';

const Module = require('module');
const path = require('path');
const assert = require('assert');

const created = [];
class FakeClient {
  constructor(id, name, server, client) {
    created.push({ id, name, server, client });
    this.started = false;
  }
  start() { this.started = true; return Promise.resolve(); }
  stop() { return Promise.resolve(); }
}
const settings = { path: process.env.AGENTLINT_PATH };
const fakeVscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.strictEqual(section, 'agentlint');
      return { get: (key) => settings[key] };
    },
    createFileSystemWatcher: (glob) => ({ glob }),
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return fakeVscode;
  if (request === 'vscode-languageclient/node') {
    // The real module must be installed (the .vsix ships it); its client is replaced here.
    load.call(this, require.resolve('vscode-languageclient/package.json',
                                    { paths: [process.argv[2]] }), parent, isMain);
    return { LanguageClient: FakeClient, TransportKind: { stdio: 0 } };
  }
  return load.call(this, request, parent, isMain);
};

const extension = require(path.resolve(process.argv[2], 'extension.js'));
const context = { subscriptions: [] };
extension.activate(context).then(() => {
  assert.strictEqual(created.length, 1);
  const { server, client } = created[0];
  assert.strictEqual(server.command, settings.path || 'agentlint');
  assert.deepStrictEqual(server.args, ['lsp']);
  assert.deepStrictEqual(client.documentSelector, [{ scheme: 'file', language: 'markdown' }]);
  assert.strictEqual(client.synchronize.fileEvents.glob, '**/{.agentlint.yaml,*.md}');
  assert.strictEqual(context.subscriptions.length, 1);
  // The command it would run starts a language server that answers `initialize`.
  const child = require('child_process').spawn(server.command, server.args);
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize',
                                params: { capabilities: {} } });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const at = out.indexOf('\r\n\r\n');
    if (at < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(out)[1]);
    if (out.length < at + 4 + length) return;
    const reply = JSON.parse(out.slice(at + 4, at + 4 + length));
    assert.strictEqual(reply.result.serverInfo.name, 'agentlint');
    child.stdin.end();
    console.log(`activated: ${server.command} ${server.args.join(' ')} answered initialize`);
  });
}).catch((e) => { console.error(e); process.exit(1); });
