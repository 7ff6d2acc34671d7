import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { examples, expectUserError, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'bps-cli-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const invalidJson = join(dir, 'broken.json');
writeFileSync(invalidJson, '{\n  "format": "backprop-studio.model",\n  "nodes": [1, 2,\n');

// Two problems on different lines: a unit count below 1 and a field dense does not have.
const invalidModel = join(dir, 'invalid.json');
writeFileSync(
  invalidModel,
  `{
  "format": "backprop-studio.model",
  "version": 1,
  "nodes": [
    { "id": "x", "type": "input", "config": { "shape": [2] } },
    { "id": "h", "type": "dense", "config": { "units": 0 } },
    { "id": "o", "type": "dense", "config": { "units": 2, "unitz": 3 } }
  ],
  "edges": [{ "from": "x", "to": "h" }, { "from": "h", "to": "o" }]
}
`,
);

const xor = `${examples}/xor-mlp.json`;

describe.concurrent('user errors exit 2 with one line per problem', () => {
  it('names a missing file', async () => {
    const [line] = expectUserError(await runCli(['check', join(dir, 'missing.json')]), 1);
    expect(line).toBe(`${join(dir, 'missing.json')}: cannot read: no such file or directory`);
  });

  it('names the line of invalid JSON', async () => {
    const [line] = expectUserError(await runCli(['trace', invalidJson]), 1);
    expect(line).toMatch(new RegExp(`^${invalidJson}:4:1: invalid JSON: `));
  });

  it('names the file, line, JSON path and node of each model problem', async () => {
    const lines = expectUserError(await runCli(['check', invalidModel]), 2);
    expect(lines[0]).toMatch(new RegExp(`^${invalidModel}:6:56 \\$\\.nodes\\[1\\]\\.config\\.units \\(node h\\): `));
    expect(lines[1]).toMatch(new RegExp(`^${invalidModel}:7:\\d+ \\$\\.nodes\\[2\\]\\.config \\(node o\\): .*unitz`));
  });

  it('rejects unknown flags, missing arguments and unknown commands', async () => {
    const [flag, argument, command, value, required] = await Promise.all([
      runCli(['check', xor, '--frob']),
      runCli(['trace']),
      runCli(['frob', xor]),
      runCli(['train', xor, '--steps', 'ten', '--lr', '0.5']),
      runCli(['train', xor, '--steps', '10']),
    ]);
    expect(expectUserError(flag, 1)[0]).toContain("unknown option '--frob'");
    expect(expectUserError(argument, 1)[0]).toContain('missing <model.json>');
    expect(expectUserError(command, 1)[0]).toContain("unknown command 'frob'");
    expect(expectUserError(value, 1)[0]).toContain("--steps takes a positive integer, not 'ten'");
    expect(expectUserError(required, 1)[0]).toContain('missing --lr');
  });

  it('rejects --input that is not JSON or does not fit the model', async () => {
    const [notJson, notNumbers, wrongShape] = await Promise.all([
      runCli(['trace', xor, '--input', '[[0, 1']),
      runCli(['trace', xor, '--input', '[[0, "a"]]', '--target', '[[1]]']),
      runCli(['trace', xor, '--input', '[[0, 1, 2]]', '--target', '[[1]]']),
    ]);
    expect(expectUserError(notJson, 1)[0]).toMatch(/^--input: invalid JSON: /);
    expect(expectUserError(notNumbers, 1)[0]).toBe('--input[0][1]: expected a number, got "a"');
    expect(expectUserError(wrongShape, 1)[0]).toMatch(/^--input: .*\[1, 3\].*input node 'x' takes \[1, 2\]/);
  });
});

describe.concurrent('help and version', () => {
  it('prints usage, command help and the version', async () => {
    const [help, commandHelp, flagHelp, version] = await Promise.all([
      runCli(['--help']),
      runCli(['help', 'train']),
      runCli(['trace', '--help']),
      runCli(['--version']),
    ]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: backprop-studio <command>/);
    for (const name of ['check', 'trace', 'train']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(commandHelp.stdout).toMatch(/^Usage: backprop-studio train <model.json> --steps N --lr X/);
    expect(flagHelp.stdout).toMatch(/^Usage: backprop-studio trace <model.json>/);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
