// Runs the interpreter benchmark's workloads on aws-local-stepfunctions, the same way
// InterpreterBenchmark runs them on Mercury: a checked run, a warm-up, then timed rounds of
// executions one after another, reporting states entered per second.
//
// A state transition is a state entered. The library reports it: each execution's event log has
// a "StateEntered" event for every state entered, nested Map iterations and Parallel branches
// included. The checked run counts them; the workloads are deterministic, so the timed runs (which
// leave the event log alone) enter as many states each.
//
// Beside the wall-clock rate it reports states entered per second of the process's CPU time
// (process.cpuUsage: user and system, every thread), which a busy machine disturbs less.
//
// The checked run's output is compared with NAME.output.json in the --expect directory, when one
// is given (InterpreterBenchmark --outputs writes Mercury's there); a difference is reported and
// makes the exit status 3, after the measurements.
//
// usage: node run.mjs [--warmup SECONDS] [--measure SECONDS] [--rounds N] [--tsv FILE]
//                     [--expect DIRECTORY] WORKLOAD.asl.json|DIRECTORY...

import { readFileSync, readdirSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { StateMachine } from 'aws-local-stepfunctions';

const SUFFIX = '.asl.json';

function parseArgs(argv) {
  const options = { warmup: 5, measure: 10, rounds: 5, tsv: null, expect: null, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--warmup') options.warmup = Number(argv[++i]);
    else if (arg === '--measure') options.measure = Number(argv[++i]);
    else if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--tsv') options.tsv = argv[++i];
    else if (arg === '--expect') options.expect = argv[++i];
    else options.paths.push(arg);
  }
  if (options.paths.length === 0 || !(options.rounds >= 1)) {
    console.error('usage: node run.mjs [--warmup S] [--measure S] [--rounds N] [--tsv FILE] WORKLOAD...');
    process.exit(2);
  }
  return options;
}

function load(paths) {
  const files = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      readdirSync(path)
        .filter((f) => f.endsWith(SUFFIX))
        .sort()
        .forEach((f) => files.push(join(path, f)));
    } else {
      files.push(path);
    }
  }
  return files.map((file) => {
    const name = basename(file).endsWith(SUFFIX) ? basename(file).slice(0, -SUFFIX.length) : basename(file);
    const inputFile = join(dirname(file), `${name}.input.json`);
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    const input = existsSync(inputFile) ? JSON.parse(readFileSync(inputFile, 'utf8')) : {};
    // Validated once here, as a caller would; the runs below reuse the machine.
    return { name, machine: new StateMachine(definition), input };
  });
}

async function checkedRun(workload) {
  const execution = workload.machine.run(workload.input);
  let entered = 0;
  const counting = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') entered++;
    }
  })();
  const output = await execution.result;
  await counting;
  return { entered, output };
}

let differences = 0;

function compareOutput(workload, output, expectDirectory) {
  const expectedFile = join(expectDirectory, `${workload.name}.output.json`);
  if (!existsSync(expectedFile)) {
    console.log(`  ${workload.name}: no ${expectedFile} to compare the output with`);
    return;
  }
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(output)), expected)) {
    differences++;
    console.log(`  ${workload.name}: OUTPUT DIFFERS from ${expectedFile}:`);
    console.log(`    got ${JSON.stringify(output).slice(0, 400)}`);
  }
}

async function measure(workload, options) {
  const checked = await checkedRun(workload);
  const statesPerExecution = checked.entered;
  if (options.expect) compareOutput(workload, checked.output, options.expect);

  const warmupEnd = performance.now() + options.warmup * 1000;
  while (performance.now() < warmupEnd) {
    await workload.machine.run(workload.input).result;
  }

  const rates = [];
  let executions = 0;
  let millis = 0;
  const roundMillis = (options.measure * 1000) / options.rounds;
  const cpuBefore = process.cpuUsage();
  for (let r = 0; r < options.rounds; r++) {
    let roundExecutions = 0;
    const start = performance.now();
    const end = start + roundMillis;
    let now;
    do {
      await workload.machine.run(workload.input).result;
      roundExecutions++;
      now = performance.now();
    } while (now < end);
    const elapsed = now - start;
    rates.push((roundExecutions * statesPerExecution) / (elapsed / 1000));
    executions += roundExecutions;
    millis += elapsed;
  }
  const cpuUsed = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const sorted = [...rates].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return {
    name: workload.name,
    statesPerExecution,
    executions,
    seconds: millis / 1000,
    median,
    min: sorted[0],
    max: sorted[n - 1],
    cpuSeconds,
    cpuRate: (executions * statesPerExecution) / cpuSeconds,
  };
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');

const options = parseArgs(process.argv.slice(2));
const here = dirname(fileURLToPath(import.meta.url));
const packageFile = join(here, 'node_modules', 'aws-local-stepfunctions', 'package.json');
const version = JSON.parse(readFileSync(packageFile, 'utf8')).version;
console.log(
  `aws-local-stepfunctions ${version} on Node ${process.version}: warm-up ${options.warmup} s,` +
    ` measured ${options.measure} s in ${options.rounds} rounds per workload`
);
const results = [];
for (const workload of load(options.paths)) {
  const m = await measure(workload, options);
  results.push(m);
  console.log(
    `  ${m.name.padEnd(18)} ${fmt(m.median).padStart(12)} states/s (rounds ${fmt(m.min)}..${fmt(m.max)})` +
      `  ${fmt(m.cpuRate).padStart(10)} states/CPU-s  ${fmt(m.executions)} executions of` +
      ` ${fmt(m.statesPerExecution)} states`
  );
}
if (options.tsv) {
  // The same columns as InterpreterBenchmark's; the peer's allocation is not measured.
  const lines = [
    'workload\tstates_per_execution\texecutions\tseconds\tstates_per_second\tmin\tmax' +
      '\tbytes_per_state\tcpu_seconds\tstates_per_cpu_second',
  ];
  for (const m of results) {
    lines.push(
      [
        m.name,
        m.statesPerExecution,
        m.executions,
        m.seconds.toFixed(3),
        m.median.toFixed(1),
        m.min.toFixed(1),
        m.max.toFixed(1),
        '-',
        m.cpuSeconds.toFixed(3),
        m.cpuRate.toFixed(1),
      ].join('\t')
    );
  }
  writeFileSync(options.tsv, lines.join('\n') + '\n');
}
if (differences > 0) {
  console.error(`${differences} workload(s) gave an output different from the expected one`);
  process.exit(3);
}
