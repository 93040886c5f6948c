#!/usr/bin/env python3
"""Smoke tests of the built node: real processes, real consensus, read over JSON-RPC.

1. `dev`:   one node with `--dev` must finalize block 3 within 60 s, then stop cleanly
            (exit status 0) on Ctrl-C (SIGINT).
2. `local`: Alice and Bob with `--chain local` (Bob bootnoded to Alice) must both see the
            same finalized block, number 3 or more, within 120 s.
3. `specs`: `build-spec` exports the dev, local and regional chains; a node started from
            an exported JSON file (`--chain <file.json>`) produces and finalizes blocks; `key
            generate` and `key inspect` work.

The tests run at the same time (each waits mostly for blocks); every node runs on a
temporary base path and free loopback ports, and is always stopped, whether the test passes
or fails. Usage: smoke.py <path to civil-registry-node> [test ...]
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

FINALIZED_TARGET = 3


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rpc(port, method, params=None):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}", data=body.encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        answer = json.loads(resp.read())
    if "error" in answer:
        raise RuntimeError(f"{method}: {answer['error']}")
    return answer["result"]


def finalized(port):
    """(number, hash) of the node's finalized head, or None while its RPC is not up."""
    try:
        head = rpc(port, "chain_getFinalizedHead")
        header = rpc(port, "chain_getHeader", [head])
        return int(header["number"], 16), head
    except (OSError, RuntimeError, ValueError):
        return None


class Node:
    """A node process with its own base path and ports; a context manager that always stops it."""

    def __init__(self, binary, name, args, node_key=None):
        self.binary = binary
        self.name = name
        self.base = tempfile.mkdtemp(prefix=f"civil-smoke-{name}-")
        self.rpc_port = free_port()
        self.p2p_port = free_port()
        self.log_path = os.path.join(self.base, "node.log")
        self.args = [
            "--base-path", self.base,
            "--rpc-port", str(self.rpc_port),
            "--listen-addr", f"/ip4/127.0.0.1/tcp/{self.p2p_port}",
            "--no-prometheus", "--no-telemetry", "--no-mdns",
        ] + args
        if node_key:
            self.args += ["--node-key", node_key]
        self.proc = None

    def __enter__(self):
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [self.binary] + self.args, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def alive(self):
        return self.proc.poll() is None

    def interrupt(self, timeout=30):
        """Ctrl-C, as a person at the terminal would; the exit status, or None on a hang."""
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
        if exc[0] is not None or os.environ.get("SMOKE_KEEP_LOGS"):
            self.dump_log()
        shutil.rmtree(self.base, ignore_errors=True)
        return False

    def dump_log(self, lines=40):
        try:
            with open(self.log_path, "rb") as f:
                tail = f.read().decode(errors="replace").splitlines()[-lines:]
        except OSError:
            return
        print(f"--- last {lines} log lines of node {self.name} ---")
        print("\n".join(tail))


def peer_id(binary, key_hex):
    with tempfile.NamedTemporaryFile("w", suffix=".key", delete=False) as f:
        f.write(key_hex)
    try:
        out = subprocess.run(
            [binary, "key", "inspect-node-key", "--file", f.name],
            check=True, capture_output=True, text=True,
        )
        return out.stdout.strip()
    finally:
        os.unlink(f.name)


def test_dev(binary):
    with Node(binary, "dev", ["--dev"]) as node:
        deadline = time.time() + 60
        best = None
        while time.time() < deadline:
            if not node.alive():
                raise AssertionError("the dev node exited")
            best = finalized(node.rpc_port)
            if best and best[0] >= FINALIZED_TARGET:
                print(f"dev: finalized #{best[0]} after {60 - (deadline - time.time()):.0f} s")
                code = node.interrupt()
                if code != 0:
                    raise AssertionError(f"dev: the node exited with {code} on Ctrl-C")
                print("dev: stopped cleanly on Ctrl-C")
                return
            time.sleep(1)
        raise AssertionError(f"dev: finalized head {best} did not reach #{FINALIZED_TARGET} in 60 s")


def test_local(binary):
    alice_key = "11" * 32
    bob_key = "22" * 32
    alice_id = peer_id(binary, alice_key)
    alice = Node(binary, "alice", ["--chain", "local", "--alice"], node_key=alice_key)
    with alice:
        boot = f"/ip4/127.0.0.1/tcp/{alice.p2p_port}/p2p/{alice_id}"
        with Node(binary, "bob", ["--chain", "local", "--bob", "--bootnodes", boot], node_key=bob_key) as bob:
            deadline = time.time() + 120
            a = b = None
            while time.time() < deadline:
                if not (alice.alive() and bob.alive()):
                    raise AssertionError("a local node exited")
                a, b = finalized(alice.rpc_port), finalized(bob.rpc_port)
                if a and b and min(a[0], b[0]) >= FINALIZED_TARGET:
                    # Same height on both: the hashes must agree. Otherwise compare Bob's
                    # hash at Alice's height.
                    n = min(a[0], b[0])
                    ha = rpc(alice.rpc_port, "chain_getBlockHash", [n])
                    hb = rpc(bob.rpc_port, "chain_getBlockHash", [n])
                    if ha != hb:
                        raise AssertionError(f"local: finalized #{n} differs: {ha} vs {hb}")
                    peers = rpc(alice.rpc_port, "system_health")["peers"]
                    print(f"local: both finalized #{n} ({ha[:18]}...), alice has {peers} peer(s)")
                    return
                time.sleep(1)
            raise AssertionError(f"local: finalized heads alice={a} bob={b} did not both reach #{FINALIZED_TARGET}")


def run(binary, *args):
    out = subprocess.run([binary, *args], check=True, capture_output=True, text=True, timeout=60)
    return out.stdout


def test_specs(binary):
    names = {
        "dev": "Civil Registry Development",
        "local": "Civil Registry Local Testnet",
        "regional": "Civil Registry Regional Testnet",
    }
    for chain, name in names.items():
        spec = json.loads(run(binary, "build-spec", "--chain", chain, "--disable-default-bootnode"))
        if spec.get("name") != name:
            raise AssertionError(f"specs: build-spec --chain {chain} named {spec.get('name')!r}")
        patch = spec["genesis"]["runtimeGenesis"]["patch"]
        authorities = len(patch["authorities"]["authorities"])
        keys = len(patch["session"]["keys"])
        expected = {"dev": 1, "local": 2, "regional": 4}[chain]
        if (authorities, keys) != (expected, expected):
            raise AssertionError(
                f"specs: {chain} has {authorities} authorities with {keys} session keys, not {expected}")
        sudo = patch.get("sudo", {}).get("key")
        if (sudo is None) != (chain == "regional"):
            raise AssertionError(f"specs: {chain} sudo key {sudo!r} (only dev and local have one)")
    print("specs: build-spec exports dev (1 authority), local (2), regional (4, no sudo key)")

    key = json.loads(run(binary, "key", "generate", "--scheme", "sr25519", "--output-type", "json"))
    inspected = json.loads(run(binary, "key", "inspect", "--output-type", "json", key["secretPhrase"]))
    if inspected["ss58Address"] != key["ss58Address"]:
        raise AssertionError("specs: key inspect does not give back the generated address")
    print("specs: key generate / key inspect agree")

    with tempfile.TemporaryDirectory(prefix="civil-smoke-spec-") as tmp:
        path = os.path.join(tmp, "dev-raw.json")
        with open(path, "w") as f:
            f.write(run(binary, "build-spec", "--chain", "dev", "--raw", "--disable-default-bootnode"))
        with Node(binary, "from-file", ["--chain", path, "--alice", "--validator"], node_key="33" * 32) as node:
            deadline = time.time() + 60
            best = None
            while time.time() < deadline:
                if not node.alive():
                    raise AssertionError("specs: the node started from a JSON spec exited")
                best = finalized(node.rpc_port)
                if best and best[0] >= 1:
                    chain = rpc(node.rpc_port, "system_chain")
                    print(f"specs: node on --chain <file.json> ({chain}) finalized #{best[0]}")
                    return
                time.sleep(1)
            raise AssertionError(f"specs: node on --chain <file.json> finalized {best}, not #1")


TESTS = {"dev": test_dev, "local": test_local, "specs": test_specs}


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: smoke.py <path to civil-registry-node> [dev] [local]")
    binary = sys.argv[1]
    if not os.access(binary, os.X_OK):
        sys.exit(f"smoke: no executable node at {binary}; build it first (scripts/test.sh does)")
    chosen = sys.argv[2:] or list(TESTS)
    unknown = [name for name in chosen if name not in TESTS]
    if unknown:
        sys.exit(f"smoke: unknown test(s) {', '.join(unknown)}; choose from {', '.join(TESTS)}")

    def one(name):
        start = time.time()
        try:
            TESTS[name](binary)
            print(f"smoke {name}: ok ({time.time() - start:.0f} s)", flush=True)
            return True
        except Exception as e:  # noqa: BLE001 - report every failure and go on
            print(f"smoke {name}: FAILED: {e}", flush=True)
            return False

    with ThreadPoolExecutor(max_workers=len(chosen)) as pool:
        results = list(pool.map(one, chosen))
    passed = sum(results)
    failed = len(results) - passed
    print(f"smoke: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
