// stdout and stderr written with writeSync (src/cli/descriptor-output.ts), through real
// descriptors: a pipe, a file, and a pipe another program made non-blocking, where writeSync
// fails part-way and Node's own stream must write the rest, in order.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';

import { writeMergeProject } from '../helpers/merge-project.js';
import { findAlembicPython } from '../helpers/python.js';
import { BIN } from '../helpers/temp-repo.js';
import { tempProject } from '../helpers/temp-project.js';

const FIXTURE = path.resolve('test/fixtures/descriptor-output/write-lines.ts');
const NODE = [process.execPath, '--import=tsx', FIXTURE];
// Far more than a pipe holds (64 KB on Linux), so a non-blocking pipe fills.
const COUNT = 5000;
const EXPECTED = Array.from(
  { length: COUNT },
  (_, line) => `line ${line} ${'é'.repeat(30)}\n`,
).join('');

test('a pipe and a file get every line, in order; neither is a terminal', async (t) => {
  const piped = spawnSync(NODE[0] ?? '', [...NODE.slice(1), String(COUNT)], { encoding: 'utf8' });
  t.is(piped.stdout, EXPECTED);
  t.is(piped.stderr, 'stdout is a terminal: false\n');
  const root = await tempProject(t, {});
  const out = path.join(root, 'out.txt');
  const descriptor = openSync(out, 'w');
  try {
    const toFile = spawnSync(NODE[0] ?? '', [...NODE.slice(1), String(COUNT)], {
      encoding: 'utf8',
      stdio: ['ignore', descriptor, 'pipe'],
    });
    t.is(toFile.stderr, 'stdout is a terminal: false\n');
  } finally {
    closeSync(descriptor);
  }
  t.is(readFileSync(out, 'utf8'), EXPECTED);
});

// The reader waits for the stderr line, written after the last stdout line: had the writer
// blocked on the full pipe instead of handing over to Node's stream, this would never end.
const NON_BLOCKING_READER = String.raw`
import fcntl, os, subprocess, sys
read_end, write_end = os.pipe()
fcntl.fcntl(write_end, fcntl.F_SETFL, fcntl.fcntl(write_end, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=write_end, stderr=subprocess.PIPE)
os.close(write_end)
last = child.stderr.readline()
data = b""
while True:
    chunk = os.read(read_end, 65536)
    if not chunk:
        break
    data += chunk
child.wait()
sys.stdout.buffer.write(last + data)
`;

test('a non-blocking pipe that fills gets every line, in order', (t) => {
  const python = findAlembicPython()?.python ?? 'python3';
  const output = execFileSync(python, ['-c', NON_BLOCKING_READER, ...NODE, String(COUNT)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  t.is(output, `stdout is a terminal: false\n${EXPECTED}`);
});

// A pipe whose reader is gone before the first line: the lines are dropped, the run goes on
// to its end (the stderr line) and exits 0, where Node's stream ended it on an unhandled EPIPE.
const CLOSED_READER = String.raw`
import os, subprocess, sys
read_end, write_end = os.pipe()
os.close(read_end)
child = subprocess.run(sys.argv[1:], stdout=write_end, stderr=subprocess.PIPE)
sys.stdout.write("%d %s" % (child.returncode, child.stderr.decode()))
`;

test('a pipe nobody reads any more gets nothing, and the run ends as it would', (t) => {
  const python = findAlembicPython()?.python ?? 'python3';
  const output = execFileSync(python, ['-c', CLOSED_READER, ...NODE, '100'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  t.is(output, '0 stdout is a terminal: false\n');
});

// What the two descriptors spare (with the code cache, which now needs no node:zlib): a
// `heads` outside git, whose result is one line, makes neither of Node's streams.
test('heads outside a repository prints its line without node:stream or node:zlib', async (t) => {
  const root = await tempProject(t, {});
  writeMergeProject(root, { template: '', revisions: [{ id: 'aaaa11112222' }] });
  const preload = path.join(root, 'modules.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(path.join(root, 'modules.txt'))}, process.moduleLoadList.join('\\n')));\n`,
  );
  for (const round of ['first run', 'second run']) {
    const run = spawnSync(process.execPath, ['--require', preload, BIN, 'heads'], {
      cwd: root,
      encoding: 'utf8',
    });
    t.is(run.stdout, 'aaaa11112222 (head)\n', round);
    const modules = readFileSync(path.join(root, 'modules.txt'), 'utf8').split('\n');
    for (const unwanted of ['NativeModule stream', 'NativeModule zlib', 'NativeModule net'])
      t.false(modules.includes(unwanted), `${round}: ${unwanted}`);
  }
});
