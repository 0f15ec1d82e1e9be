// Graph pictures on small histories, asserted byte for byte: ASCII like `git log --graph`
// (forks, merges, octopus merges, several bases, crossing lanes, separate histories), Mermaid and
// DOT with heads, effective heads and divergences marked and labels escaped.
import test from 'ava';

import { type GraphFormat, renderGraph } from '../../../src/core/graph/graph-render.js';
import type { Revision } from '../../../src/core/revision.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';

function r(
  id: string,
  down: string[] = [],
  options: { deps?: string[]; labels?: string[]; doc?: string } = {},
): Revision {
  return {
    id,
    downRevisions: down,
    dependencies: options.deps ?? [],
    branchLabels: options.labels ?? [],
    file: `versions/${id}.py`,
    doc: options.doc,
  };
}

/** A picture written as a raw template literal, without its first newline. */
function picture(strings: TemplateStringsArray): string {
  return String.raw(strings).replace(/^\n/, '');
}

const draws = test.macro({
  exec(t, format: GraphFormat, revisions: Revision[], expected: string) {
    t.is(renderGraph(buildRevisionGraph(revisions), format), expected);
  },
  title: (title = '', format: GraphFormat) => `${format}: ${title}`,
});

const FORK = [
  r('1a2b3c4d5e6f', [], { doc: 'create users' }),
  r('3f9a2c1d0b7e', ['1a2b3c4d5e6f'], { doc: 'add email' }),
  r('5c7d9e1f2a3b', ['3f9a2c1d0b7e'], { doc: 'add orders' }),
  r('8e4d1a7c2f60', ['3f9a2c1d0b7e'], { doc: 'add invoices' }),
];

const EXPAND_CONTRACT = [
  r('root', [], { doc: 'a "quoted" <b>doc</b> & #1' }),
  r('e1', ['root'], { labels: ['expand'] }),
  r('c1', ['root'], { labels: ['contract'] }),
  r('c2', ['c1'], { deps: ['e1'] }),
];

test(
  'a fork: two diverged heads join at their parent',
  draws,
  'ascii',
  FORK,
  picture`
* 5c7d9e1f2a3b (head, diverged) add orders
| * 8e4d1a7c2f60 (head, diverged) add invoices
|/
* 3f9a2c1d0b7e add email
* 1a2b3c4d5e6f (base) create users

4 revisions, 2 heads, 1 base
diverged: 2 heads on the unlabelled branch: 5c7d9e1f2a3b, 8e4d1a7c2f60
`,
);

test(
  'a merge fans out to its parents',
  draws,
  'ascii',
  [r('a'), r('b', ['a']), r('c', ['a']), r('m', ['b', 'c']), r('n', ['m'])],
  picture`
* n (head)
* m
|\
* | b
| * c
|/
* a (base)

5 revisions, 1 head, 1 base
no divergence
`,
);

test(
  'a three-parent merge and a head beside it',
  draws,
  'ascii',
  [r('a'), r('b', ['a']), r('c', ['a']), r('d', ['a']), r('m', ['b', 'c', 'd']), r('x', ['a'])],
  picture`
* m (head, diverged)
|\
| |\
* | | b
| * | c
| | * d
| | | * x (head, diverged)
|/ / /
|/ /
|/
* a (base)

6 revisions, 2 heads, 1 base
diverged: 2 heads on the unlabelled branch: m, x
`,
);

test(
  'two bases merged: a lane closes under the first base',
  draws,
  'ascii',
  [r('a'), r('b', ['a']), r('c'), r('d', ['c']), r('m', ['b', 'd'])],
  picture`
* m (head)
|\
* | b
* | a (base)
 /
* d
* c (base)

5 revisions, 1 head, 2 bases
no divergence
`,
);

test(
  'branch labels, and a lane crossing another',
  draws,
  'ascii',
  [
    r('root'),
    r('e1', ['root'], { labels: ['expand'] }),
    r('e2', ['e1']),
    r('c1', ['root'], { labels: ['contract'] }),
    r('c2', ['c1']),
    r('e3', ['e1']),
  ],
  picture`
* e2 (head, diverged)
| * c2 (head)
| * c1 (branch: contract)
| | * e3 (head, diverged)
| |/
|/|
* | e1 (branch: expand)
|/
* root (base)

6 revisions, 3 heads, 1 base
diverged: 2 heads on branch 'expand': e2, e3
`,
);

test(
  'separate histories are kept apart',
  draws,
  'ascii',
  [r('a'), r('b', ['a']), r('c'), r('d', ['c'])],
  picture`
* b (head, diverged)
* a (base)

* d (head, diverged)
* c (base)

4 revisions, 2 heads, 2 bases
diverged: 2 heads on the unlabelled branch: b, d
`,
);

test(
  'a new line under a base in the middle gets a gap',
  draws,
  'ascii',
  [r('a'), r('b', ['a']), r('x'), r('m', ['b', 'x']), r('y', ['a'])],
  picture`
* m (head, diverged)
|\
* | b
| * x (base)
|
| * y (head, diverged)
|/
* a (base)

5 revisions, 2 heads, 2 bases
diverged: 2 heads on the unlabelled branch: m, y
`,
);

test(
  'depends_on and an effective head; the doc line as written',
  draws,
  'ascii',
  EXPAND_CONTRACT,
  picture`
* c2 (head, depends on: e1)
* c1 (branch: contract)
| * e1 (effective head, branch: expand)
|/
* root (base) a "quoted" <b>doc</b> & #1

4 revisions, 2 heads, 1 base
no divergence
`,
);

test(
  'diverged heads get their own class',
  draws,
  'mermaid',
  FORK,
  picture`
flowchart TB
  %% 4 revisions, 2 heads, 1 base
  %% diverged: 2 heads on the unlabelled branch: 5c7d9e1f2a3b, 8e4d1a7c2f60
  r2["5c7d9e1f2a3b (head, diverged)<br/>add orders"]
  r3["8e4d1a7c2f60 (head, diverged)<br/>add invoices"]
  r1["3f9a2c1d0b7e<br/>add email"]
  r0["1a2b3c4d5e6f (base)<br/>create users"]
  r2 --> r1
  r3 --> r1
  r1 --> r0
  classDef head stroke-width:3px
  classDef effectiveHead stroke-width:3px,stroke-dasharray:5 3
  classDef diverged fill:#ffe0e0,stroke:#c62828,stroke-width:3px,color:#000
  class r2,r3 diverged
`,
);

test(
  'dotted depends_on edges, effective heads, escaped labels',
  draws,
  'mermaid',
  EXPAND_CONTRACT,
  picture`
flowchart TB
  %% 4 revisions, 2 heads, 1 base
  %% no divergence
  r3["c2 (head, depends on: e1)"]
  r2["c1 (branch: contract)"]
  r1["e1 (effective head, branch: expand)"]
  r0["root (base)<br/>a #34;quoted#34; #60;b#62;doc#60;/b#62; #38; #35;1"]
  r3 --> r2
  r3 -.->|depends on| r1
  r2 --> r0
  r1 --> r0
  classDef head stroke-width:3px
  classDef effectiveHead stroke-width:3px,stroke-dasharray:5 3
  classDef diverged fill:#ffe0e0,stroke:#c62828,stroke-width:3px,color:#000
  class r3 head
  class r1 effectiveHead
`,
);

test(
  'a digraph with dashed depends_on edges and escaped labels',
  draws,
  'dot',
  EXPAND_CONTRACT,
  picture`
digraph revisions {
  // 4 revisions, 2 heads, 1 base
  // no divergence
  rankdir=TB;
  node [shape=box, fontname="monospace"];
  "c2" [label="c2 (head, depends on: e1)", style="bold", penwidth=2];
  "c1" [label="c1 (branch: contract)"];
  "e1" [label="e1 (effective head, branch: expand)", style="bold,dashed", penwidth=2];
  "root" [label="root (base)\na \"quoted\" <b>doc</b> &amp; #1"];
  "c2" -> "c1";
  "c2" -> "e1" [style=dashed, label="depends on"];
  "c1" -> "root";
  "e1" -> "root";
}
`,
);

test(
  'diverged heads are filled',
  draws,
  'dot',
  [r('a'), r('b', ['a'], { doc: 'back\\slash' }), r('c', ['a'])],
  picture`
digraph revisions {
  // 3 revisions, 2 heads, 1 base
  // diverged: 2 heads on the unlabelled branch: b, c
  rankdir=TB;
  node [shape=box, fontname="monospace"];
  "b" [label="b (head, diverged)\nback\\slash", style="filled,bold", fillcolor="#ffe0e0", color="#c62828", penwidth=2];
  "c" [label="c (head, diverged)", style="filled,bold", fillcolor="#ffe0e0", color="#c62828", penwidth=2];
  "a" [label="a (base)"];
  "b" -> "a";
  "c" -> "a";
}
`,
);

test('an empty history is "no revisions"', draws, 'ascii', [], 'no revisions\n');
test(
  'an empty history is a graph with no nodes',
  draws,
  'dot',
  [],
  'digraph revisions {\n  // 0 revisions, 0 heads, 0 bases\n  // no divergence\n  rankdir=TB;\n  node [shape=box, fontname="monospace"];\n}\n',
);

test('the same history gives the same bytes, whatever was drawn before', (t) => {
  const graph = buildRevisionGraph(FORK);
  for (const format of ['ascii', 'mermaid', 'markdown', 'dot'] as const)
    t.is(renderGraph(graph, format), renderGraph(buildRevisionGraph(FORK), format));
});
