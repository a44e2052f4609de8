// Pins the server under test to one core and everything else (this runner and every process it
// starts: load generator, Redis, simulator, the idle servers) to the others, with util-linux's
// `taskset`, so that the measured server never competes for its core with the load it is given.
// Each server is moved onto the test core for its own measured slices and back afterwards.
import { execFileSync } from 'node:child_process';

function taskset(args) {
  return execFileSync('taskset', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The CPUs this process may run on, from `taskset -pc` ("pid 1's current affinity list: 0,2-3"). */
function allowedCpus() {
  const list = taskset(['-pc', String(process.pid)])
    .split(':')
    .pop()
    .trim();
  return list.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/**
 * With two or more CPUs and taskset: the last allowed CPU is the test core, the rest run
 * everything else (this process is moved there now, so every child it starts inherits it).
 * Otherwise a no-op with the reason.
 */
export function cpuPinning() {
  let cpus;
  try {
    cpus = allowedCpus();
  } catch {
    return { enabled: false, reason: 'taskset (util-linux) not found', pin() {}, release() {} };
  }
  if (cpus.length < 2) return { enabled: false, reason: `only ${cpus.length} CPU allowed`, pin() {}, release() {} };
  const testCore = String(cpus[cpus.length - 1]);
  const others = cpus.slice(0, -1).join(',');
  const move = (pid, list) => {
    try {
      taskset(['-a', '-pc', list, String(pid)]);
    } catch {
      // the process exited meanwhile: nothing to move
    }
  };
  move(process.pid, others);
  return {
    enabled: true,
    testCore,
    others,
    reason: `server under test on CPU ${testCore}, everything else on ${others}`,
    pin: (pid) => move(pid, testCore),
    release: (pid) => move(pid, others),
  };
}
