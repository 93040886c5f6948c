#!/usr/bin/env python3
"""Builds the raw chain spec of a real network from the departments' public keys.

    scripts/build-spec.py <node binary> <network.json> <output raw spec>

`network.json` (see docs/operators.md):

    {
      "name": "Civil Registry of Uzbekistan",
      "id": "uz_civil_registry",
      "sessionLength": 600,
      "departments": [
        {"region": "UZ-TK", "name": "Tashkent City Justice Department",
         "keys": "tashkent/public.json", "address": "/dns/node.tk.example/tcp/30333",
         "head": "<ss58 of the department's head; optional>"},
        ...
      ]
    }

`keys` is the `public.json` that scripts/authority-keys.sh wrote on the department's machine
(a path relative to network.json). Every department is an authority (its authority account,
its node's Aura and GRANDPA keys), a member of the council (its governance account), and gets
a regional justice department office over its region, headed by its head account (`head` in
network.json overrides public.json's). Each role has its own key: the script refuses a spec in
which one account holds two roles, or two departments share one. `appointmentDelay` (blocks,
default 14,400: a day) is how long a head's appointment of a registrar waits, vetoable, before
it takes effect. The jurisdiction tree is the runtime's (the country and its regions; districts
are added by the council later). There is no sudo key, no development account and no
development key: the script refuses to write a spec that holds one. The chain is permissioned:
`permissionedNodes` lists every department's node, and each node peers with those only.
"""

import datetime
import json
import os
import subprocess
import sys
import tempfile

# The well-known development seeds: none of their keys may appear in a real network's spec.
DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "One", "Two"]


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fail(message):
    print(f"build-spec: {message}", file=sys.stderr)
    sys.exit(1)


def dev_keys(node):
    """Hex public keys (sr25519 and ed25519) of every development seed and its //stash."""
    keys = set()
    for name in DEV_NAMES:
        for uri in (f"//{name}", f"//{name}//stash"):
            for scheme in ("sr25519", "ed25519"):
                out = json.loads(run(node, "key", "inspect", "--scheme", scheme,
                                     "--output-type", "json", uri))
                keys.add(out["publicKey"].removeprefix("0x").lower())
    return keys


def main():
    if len(sys.argv) != 4:
        fail("usage: build-spec.py <node binary> <network.json> <output raw spec>")
    node, network_path, output = sys.argv[1:]
    with open(network_path) as f:
        network = json.load(f)
    base = os.path.dirname(os.path.abspath(network_path))
    departments = network.get("departments") or fail("no departments")
    if len(departments) < 3:
        fail(f"{len(departments)} departments: a network needs at least 3 authorities")

    authorities, keys, council, offices, officers, nodes = [], [], [], [], [], []
    holders = {}
    for index, d in enumerate(departments):
        with open(os.path.join(base, d["keys"])) as f:
            public = json.load(f)
        roles = {"governance": public.get("governance"), "authority": public.get("authority"),
                 "head": d.get("head", public.get("head"))}
        for role, account in roles.items():
            if not account:
                fail(f"{d['region']}: no {role} account (keys from an older authority-keys.sh?)")
            if account in holders:
                fail(f"{d['region']}'s {role} account is also {holders[account]}: one key per role")
            holders[account] = f"{d['region']}'s {role} account"
        authority = roles["authority"]
        authorities.append(authority)
        keys.append([authority, authority, {"aura": public["aura"], "grandpa": public["grandpa"]}])
        council.append(roles["governance"])
        offices.append(["RegionalDepartment", d["region"], d["name"]])
        officers.append([roles["head"], index, "Head"])
        nodes.append(f"{d['address']}/p2p/{public['peerId']}")

    # The runtime's own genesis for the regional network, as the template: its code, its
    # jurisdiction tree; every account and key in it is replaced below.
    spec = json.loads(run(node, "build-spec", "--chain", "regional", "--disable-default-bootnode"))
    patch = spec["genesis"]["runtimeGenesis"]["patch"]
    patch["authorities"] = {"authorities": authorities,
                            "sessionLength": int(network.get("sessionLength", 600))}
    patch["session"] = {"keys": keys}
    patch["councilMembership"] = {"members": council}
    patch["sudo"] = {"key": None}
    patch["offices"]["offices"] = offices
    patch["offices"]["officers"] = officers
    patch["offices"]["privilegedSigners"] = []
    patch["offices"]["appointmentDelay"] = int(network.get("appointmentDelay", 14_400))
    # The day the registry offices start: births before it are enrolled from the archive.
    go_live = network.get("goLive") or fail("no goLive date (YYYY-MM-DD)")
    try:
        year, month, day = (int(part) for part in go_live.split("-"))
        datetime.date(year, month, day)
    except ValueError:
        fail(f"goLive {go_live!r} is not a date (YYYY-MM-DD)")
    patch["civilEvents"] = {"goLive": {"year": year, "month": month, "day": day}}
    spec["name"] = network["name"]
    spec["id"] = network["id"]
    spec["chainType"] = "Live"
    spec["bootNodes"] = nodes
    spec["protocolId"] = network["id"]
    spec["permissionedNodes"] = nodes

    with tempfile.TemporaryDirectory(prefix="civil-spec-") as tmp:
        plain = os.path.join(tmp, "plain.json")
        with open(plain, "w") as f:
            json.dump(spec, f, indent=2)
        raw = run(node, "build-spec", "--chain", plain, "--raw", "--disable-default-bootnode")

    parsed = json.loads(raw)
    top = parsed["genesis"]["raw"]["top"]
    # Everything but the runtime's code (`:code`), which is not state anyone's key is in.
    state = {k: v for k, v in top.items() if k != "0x3a636f6465"}
    text = json.dumps([state, {k: v for k, v in parsed.items() if k != "genesis"}]).lower()
    leaked = sorted(k for k in dev_keys(node) if k in text)
    if leaked:
        fail(f"the spec holds {len(leaked)} development key(s), e.g. 0x{leaked[0]}")
    # Sudo::Key = twox128("Sudo") ++ twox128("Key")
    sudo_key = "0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b"
    if top.get(sudo_key) not in (None, "0x00"):
        fail("the spec has a sudo key")
    with open(output, "w") as f:
        f.write(raw)
    print(f"build-spec: {output}: {len(departments)} departments, one key per role, no sudo key,"
          " no development key")


if __name__ == "__main__":
    main()
