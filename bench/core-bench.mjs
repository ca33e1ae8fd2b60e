// npm run bench:core — times the core on ../shared/corpora/scale/scale-1m.conll in Node and
// prints medians. A benchmark, not a test: machines are shared and noisy, so read medians.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import {
  extractChunks,
  parse,
  serialize,
  setTagsStep,
  applyStep,
  analyzeConsistency,
  ConsistencyIndex,
  labelSpan,
  removeEntity,
  applyTransaction,
} from '../dist-cli/core.js';

const FILE = resolve(
  process.cwd(),
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
    '../shared/corpora/scale/scale-1m.conll',
);
const RUNS = Number(process.env.RUNS ?? 9);
const TARGETS = { parse: 250, serialize: 100, rss: 250, consistency: 3000, update: 100 };

const bytes = new Uint8Array(readFileSync(FILE));

/**
 * This process's peak RSS in MB. On Linux from VmHWM, which belongs to the process's own
 * memory since its exec: `getrusage`'s maxRSS keeps a high-water mark across fork and exec, so
 * a child spawned by this (by then 2 GB) process reported 327 MB for its own 175 MB.
 */
function peakRssMb() {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: getrusage's figure
  }
  return process.resourceUsage().maxRSS / 1024;
}

// --once: one parse, serialize and span extraction, then print the peak RSS (what a CLI run
// costs). The parent runs this in a fresh process so repeated runs' garbage does not count.
if (process.argv.includes('--once')) {
  const { document } = parse(bytes);
  serialize(document);
  for (const s of document.sentences) extractChunks(s.tags, document.scheme.rules);
  console.log(JSON.stringify({ rss: peakRssMb() }));
  process.exit(0);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const time = (fn) => {
  const t = performance.now();
  const out = fn();
  return [performance.now() - t, out];
};

const parseTimes = [];
const serializeTimes = [];
const editedSerializeTimes = [];
const spanTimes = [];
let doc;
let tokens = 0;
let entities = 0;
for (let i = 0; i < RUNS; i++) {
  doc = undefined;
  globalThis.gc?.();
  const [tp, r] = time(() => parse(bytes));
  parseTimes.push(tp);
  if (process.env.VERBOSE) console.log(`run ${i + 1}: parse ${tp.toFixed(0)} ms`);
  doc = r.document;
  const [ts, out] = time(() => serialize(doc));
  serializeTimes.push(ts);
  if (out.length !== bytes.length) throw new Error('round trip changed the length');
  const [tx, n] = time(() => {
    let count = 0;
    for (const s of doc.sentences) count += extractChunks(s.tags, doc.scheme.rules).length;
    return count;
  });
  spanTimes.push(tx);
  entities = n;
  // One edit in every 100th sentence: the serializer splices instead of copying.
  let edited = doc;
  for (let k = 0; k < edited.sentences.length; k += 100) {
    const s = edited.sentences[k];
    if (s.length === 0 || s.quarantined) continue;
    const res = applyStep(edited, setTagsStep(edited, k, 0, [s.tags[0] === 'O' ? 'B-X' : 'O']));
    if (res.ok) edited = res.doc;
  }
  const [te] = time(() => serialize(edited));
  editedSerializeTimes.push(te);
}
for (const s of doc.sentences) tokens += s.length;

// Consistency (variation n-grams): the whole file as one corpus from scratch, then the
// incremental index after single edits spread over the file (update + findings(), as the
// editor's worker does after each keypress). Fewer full runs: each takes about a second.
// Words are compared folded (the default); the exact comparison (--exact) is timed too.
const sources = [{ name: FILE, doc, evidenceOnly: false }];
const fullTimes = [];
const exactTimes = [];
let findings = [];
let exactFindings = [];
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  globalThis.gc?.();
  const [t, fs] = time(() => analyzeConsistency(sources));
  fullTimes.push(t);
  findings = fs;
  globalThis.gc?.();
  const [te, fe] = time(() => analyzeConsistency(sources, { fold: false }));
  exactTimes.push(te);
  exactFindings = fe;
}
const flagged = (fs) => fs.reduce((n, f) => n + f.occurrences.filter((o) => o.flagged).length, 0);
const index = new ConsistencyIndex(sources);
let current = doc;
const updateTimes = [];
for (let k = 0; k < 50; k++) {
  // A token near the start of sentences spread over the file: labelled if O, else unlabelled.
  const si = Math.floor((k * current.sentences.length) / 50) + 7;
  const s = current.sentences[si];
  if (!s || s.quarantined || s.length === 0) continue;
  const ti = Math.min(s.length - 1, 5);
  const tr =
    s.tags[ti] === 'O' ? labelSpan(current, si, ti, ti + 1, 'X') : removeEntity(current, si, ti);
  const next = tr && applyTransaction(current, tr);
  if (!next) continue;
  current = next;
  const [t] = time(() => {
    index.update(0, current, [si]);
    return index.findings();
  });
  updateTimes.push(t);
}
const rss = peakRssMb();
const once = JSON.parse(
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), FILE, '--once'], {
    encoding: 'utf8',
  }),
).rss;
const heap = process.memoryUsage().heapUsed / 1024 / 1024;

const rows = [
  ['file', FILE.split('/').slice(-2).join('/')],
  [
    'size',
    `${(bytes.length / 1e6).toFixed(1)} MB, ${tokens} tokens, ${doc.sentences.length} sentences, ${entities} entities`,
  ],
  ['runs', String(RUNS)],
  [
    'parse (median)',
    `${median(parseTimes).toFixed(0)} ms   (target < ${TARGETS.parse} ms; min ${Math.min(...parseTimes).toFixed(0)})`,
  ],
  [
    'serialize, unedited (median)',
    `${median(serializeTimes).toFixed(0)} ms   (target < ${TARGETS.serialize} ms)`,
  ],
  ['serialize, 427 edited sentences (median)', `${median(editedSerializeTimes).toFixed(0)} ms`],
  ['span extraction (median)', `${median(spanTimes).toFixed(0)} ms`],
  [
    'peak RSS, one parse+serialize+spans',
    `${once.toFixed(0)} MB   (target < ${TARGETS.rss} MB; fresh process)`,
  ],
  [
    `peak RSS, all ${RUNS} runs in one process`,
    `${rss.toFixed(0)} MB   (includes garbage not yet collected)`,
  ],
  ['heap used at end', `${heap.toFixed(0)} MB`],
  [
    'consistency, full analysis (median)',
    `${median(fullTimes).toFixed(0)} ms   (target < ${TARGETS.consistency} ms; ${fullTimes.length} runs)`,
  ],
  [
    'consistency, full analysis, exact words (median)',
    `${median(exactTimes).toFixed(0)} ms   (${exactTimes.length} runs)`,
  ],
  [
    'consistency, update + findings after one edit (median)',
    `${median(updateTimes).toFixed(1)} ms   (target < ${TARGETS.update} ms; max ${Math.max(...updateTimes).toFixed(1)} over ${updateTimes.length} edits)`,
  ],
  ['consistency, findings', `${findings.length} (${flagged(findings)} occurrences flagged)`],
  [
    'consistency, findings, exact words',
    `${exactFindings.length} (${flagged(exactFindings)} occurrences flagged)`,
  ],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log('retag core benchmark (Node ' + process.version + ')');
for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
