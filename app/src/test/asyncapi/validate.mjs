// Parses an AsyncAPI document (YAML or JSON, a file given as the argument) with the AsyncAPI
// initiative's parser and prints each diagnostic as one JSON line; exits 1 when any is an error.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };
for (const d of diagnostics) {
  console.log(JSON.stringify({ severity: names[d.severity] ?? String(d.severity), code: d.code, message: d.message,
    path: d.path.join('/') }));
}
const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).length;
if (document) {
  console.log(JSON.stringify({ parsed: true, version: document.version(), channels: document.channels().length,
    operations: document.operations().length, messages: document.allMessages().length }));
}
process.exit(errors > 0 || !document ? 1 : 0);
