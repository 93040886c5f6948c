// A zombienet `js-script` that runs one step of tests/e2e/scripts/network.mjs, in its own
// Node.js process with the polkadot.js of tests/e2e (zombienet's bundled one is older than
// the runtime's metadata and extensions), and returns 1 if the step held, 0 if not. In a
// .zndsl:
//
//   alice: js-script ./scripts/step.cjs with "add-authority,eve,Eve" return is 1 within 600 seconds
//
// The first argument is the step, the others its arguments. Every node's WebSocket endpoint is
// passed to the step by name (ZOMBIE_NODES). The step's output goes to zombienet's log.
const { spawn } = require('node:child_process');
const path = require('node:path');

async function run(_nodeName, networkInfo, args) {
  const nodes = {};
  const metrics = {};
  for (const [name, node] of Object.entries(networkInfo.nodesByName)) {
    nodes[name] = node.wsUri;
    metrics[name] = node.prometheusUri;
  }
  const child = spawn(process.execPath, [path.join(__dirname, '../../tests/e2e/scripts/network.mjs'), ...args], {
    env: { ...process.env, ZOMBIE_NODES: JSON.stringify(nodes), ZOMBIE_METRICS: JSON.stringify(metrics) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // A step zombienet gave up on (its `within` passed) must not outlive zombienet.
  process.on('exit', () => child.kill('SIGKILL'));
  const code = await new Promise((resolve) => {
    child.on('exit', (status) => resolve(status));
    child.on('error', (e) => {
      console.error(`step.cjs: ${e.message}`);
      resolve(1);
    });
  });
  return code === 0 ? 1 : 0;
}

module.exports = { run };
