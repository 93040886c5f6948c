#!/usr/bin/env python3
"""Follows docs/operators.md, *A network of your own*, as it is written: every shell block
marked `<!-- operators-test: <step> -->` runs unchanged (keys and keystore once per department,
the network once, the node once per department, in the background), for four departments on
this machine. Then it checks what an operator would:

- the raw spec has no sudo key and no development account or key anywhere in its state;
- each department's roles have their own keys: the authority set holds the authority accounts
  and no council or head account, the council the governance accounts and no other, the
  regional offices' heads are the head accounts, and no account holds two roles;
- the four nodes author and finalize blocks;
- a fifth node that is not in the spec's `permissionedNodes`, started against them with a
  bootnode, stays at block 0 while they go on;
- stopping one node (the first, which a bootnode setup would depend on) leaves the other three
  finalizing: they are a full mesh.

Usage: tests/operators/run.py <node binary>. Every node it starts is stopped by its PID.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOC = os.path.join(ROOT, "docs", "operators.md")
REGIONS = ["tashkent", "samarkand", "bukhara", "fergana"]
BASE_PORT = 30400
DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"]


def blocks():
    text = open(DOC).read()
    found = {}
    for m in re.finditer(r"<!-- operators-test: (\w+) -->\n\s*```sh\n(.*?)\n\s*```", text, re.S):
        body = "\n".join(line[3:] if line.startswith("   ") else line for line in m.group(2).split("\n"))
        found[m.group(1)] = body
    for step in ("keys", "network", "keystore", "node"):
        if step not in found:
            raise AssertionError(f"docs/operators.md has no block for step {step!r}")
    return found


def rpc(port, method, params=None):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.load(resp)["result"]


def heights(port):
    best = int(rpc(port, "chain_getHeader")["number"], 16)
    finalized_hash = rpc(port, "chain_getFinalizedHead")
    finalized = int(rpc(port, "chain_getHeader", [finalized_hash])["number"], 16)
    return best, finalized


def wait(what, condition, timeout):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = condition()
            if last is True:
                return
        except Exception as e:  # a node still starting refuses connections
            last = e
        time.sleep(2)
    raise AssertionError(f"{what}: not within {timeout} s (last: {last})")


def check_spec(node, path):
    raw = json.load(open(path))
    top = raw["genesis"]["raw"]["top"]
    sudo_key = "0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b"
    if top.get(sudo_key) not in (None, "0x00"):
        raise AssertionError("the production spec has a sudo key")
    state = json.dumps({k: v for k, v in top.items() if k != "0x3a636f6465"}).lower()
    for name in DEV_NAMES:
        for scheme in ("sr25519", "ed25519"):
            out = json.loads(subprocess.run(
                [node, "key", "inspect", "--scheme", scheme, "--output-type", "json", f"//{name}"],
                check=True, capture_output=True, text=True).stdout)
            if out["publicKey"].removeprefix("0x").lower() in state:
                raise AssertionError(f"the production spec holds //{name}'s {scheme} key")
    if len(raw.get("permissionedNodes", [])) != len(REGIONS):
        raise AssertionError(f"permissionedNodes: {raw.get('permissionedNodes')}")
    print(f"operators: spec has no sudo key, no development key, {len(REGIONS)} permissioned nodes")
    check_roles(node, top, os.path.dirname(path))


def account_hex(node, ss58):
    out = subprocess.run([node, "key", "inspect", "--output-type", "json", ss58],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["accountId"].removeprefix("0x").lower()


def check_roles(node, top, work):
    roles = {"governance": [], "authority": [], "head": []}
    for region in REGIONS:
        public = json.load(open(os.path.join(work, region, "public.json")))
        for role in roles:
            roles[role].append(account_hex(node, public[role]))
    every = [a for accounts in roles.values() for a in accounts]
    if len(set(every)) != len(every):
        raise AssertionError("an account holds two roles, or two departments share one")
    state = {k.lower(): v.lower() for k, v in top.items() if k != "0x3a636f6465"}

    def lists_of(accounts):
        # A stored list of accounts: a value holding every one of them.
        return [v for v in state.values() if all(a in v for a in accounts)]

    for role, others in (("authority", ("governance", "head")), ("governance", ("authority", "head"))):
        lists = lists_of(roles[role])
        if not lists:
            raise AssertionError(f"no stored list of the {role} accounts")
        for value in lists:
            for other in others:
                if any(a in value for a in roles[other]):
                    raise AssertionError(f"a list of {role} accounts holds a {other} account")
    # Each head account is in the state as a key's suffix (`Offices.Officers` is keyed by
    # Blake2_128Concat of the account: the account follows the hash), and each office's record
    # names its head.
    for head in roles["head"]:
        if not any(k.endswith(head) for k in state) or not any(head in v for v in state.values()):
            raise AssertionError(f"the head account 0x{head} heads no office")
    print("operators: one key per role — authorities, council and heads are distinct accounts")


def main():
    node = os.path.abspath(sys.argv[1])
    steps = blocks()
    procs = []
    work = tempfile.mkdtemp(prefix="civil-operators-")
    env = dict(os.environ, NODE=node, WORK=work)

    def sh(step, **extra):
        subprocess.run(["bash", "-euo", "pipefail", "-c", steps[step]], cwd=ROOT, check=True,
                       env=dict(env, **extra), stdout=subprocess.DEVNULL)

    def ports(i):
        return {"P2P_PORT": str(BASE_PORT + 1 + i), "RPC_PORT": str(BASE_PORT + 101 + i),
                "PROMETHEUS_PORT": str(BASE_PORT + 201 + i)}

    try:
        for region in REGIONS:
            sh("keys", REGION=region)
        sh("network")
        check_spec(node, os.path.join(work, "spec-raw.json"))
        for region in REGIONS:
            sh("keystore", REGION=region)
        for i, region in enumerate(REGIONS):
            log = open(os.path.join(work, f"{region}.log"), "w")
            procs.append(subprocess.Popen(["bash", "-c", "exec " + steps["node"].replace("\\\n", " ")],
                                          cwd=ROOT, env=dict(env, REGION=region, **ports(i)),
                                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        rpcs = [int(ports(i)["RPC_PORT"]) for i in range(len(REGIONS))]
        wait("four nodes finalize block 3",
             lambda: all(heights(p)[1] >= 3 for p in rpcs) or [heights(p) for p in rpcs], 180)
        print("operators: four departments' nodes author and finalize")

        # An outsider: its own key, the same spec, the first node as its bootnode.
        spec = json.load(open(os.path.join(work, "spec-raw.json")))
        outsider = os.path.join(work, "outsider")
        log = open(os.path.join(work, "outsider.log"), "w")
        procs.append(subprocess.Popen(
            [node, "--chain", os.path.join(work, "spec-raw.json"), "--base-path", outsider,
             "--name", "outsider", "--listen-addr", f"/ip4/127.0.0.1/tcp/{BASE_PORT + 9}",
             "--rpc-port", str(BASE_PORT + 109), "--prometheus-port", str(BASE_PORT + 209),
             "--bootnodes", spec["permissionedNodes"][0]],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        start = max(heights(p)[0] for p in rpcs)
        wait("the departments go on", lambda: min(heights(p)[0] for p in rpcs) >= start + 3, 90)
        best, _ = heights(BASE_PORT + 109)
        if best != 0:
            raise AssertionError(f"an unlisted node synced to block {best}")
        print("operators: an unlisted node stays at block 0 while the network goes on")

        # The first node stops: the other three still finalize (no bootnode to depend on).
        os.killpg(procs[0].pid, signal.SIGTERM)
        procs[0].wait(timeout=30)
        rest = rpcs[1:]
        finalized = max(heights(p)[1] for p in rest)
        wait("three nodes finalize without the first", lambda: all(heights(p)[1] >= finalized + 2 for p in rest), 120)
        print("operators: without the first node, the other three still finalize")
    except BaseException:
        for name in REGIONS + ["outsider"]:
            path = os.path.join(work, f"{name}.log")
            if os.path.exists(path):
                print(f"--- {name}.log (last lines)", file=sys.stderr)
                print("".join(open(path).readlines()[-15:]), file=sys.stderr)
        raise
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
