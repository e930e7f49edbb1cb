#!/usr/bin/env python3
"""Checks OneGate transparency-log proofs with an implementation independent of the Swift code.

Reads on stdin a JSON document
  {"inclusion":   [{"leaf_hash": hex, "index": n, "size": n, "proof": [hex], "root": hex}],
   "consistency": [{"old_size": n, "new_size": n, "old_root": hex, "new_root": hex, "proof": [hex]}]}
verifies each proof with the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2, prints
"N passed, M failed" and exits 1 if any failed (2 if the input cannot be read).

Python standard library only, so that an auditor can run it anywhere.
"""

import hashlib
import json
import sys

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def hash_children(left, right):
    """RFC 9162 2.1.1: an interior node is SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def decode_hash(text):
    value = bytes.fromhex(text)
    if len(value) != HASH_SIZE:
        raise ValueError("a hash is %d bytes, not %d" % (HASH_SIZE, len(value)))
    return value


def decode_size(value):
    # JSON true/false would otherwise pass as 1/0.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("not a size or index: %r" % (value,))
    return value


def verify_inclusion(leaf_hash, leaf_index, tree_size, inclusion_path, root_hash):
    """RFC 9162 2.1.3.2, step by step."""
    # 1. The index must fall inside the tree.
    if leaf_index >= tree_size:
        return False
    # 2-3.
    fn = leaf_index
    sn = tree_size - 1
    r = leaf_hash
    # 4.
    for p in inclusion_path:
        # 4a. More path than tree.
        if sn == 0:
            return False
        # 4b.
        if fn % 2 == 1 or fn == sn:
            r = hash_children(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn //= 2
                    sn //= 2
        else:
            r = hash_children(r, p)
        # 4c.
        fn //= 2
        sn //= 2
    # 5.
    return sn == 0 and r == root_hash


def is_power_of_two(value):
    return value > 0 and value & (value - 1) == 0


def verify_consistency(first, second, first_hash, second_hash, consistency_path):
    """RFC 9162 2.1.4.2, step by step, plus the trivial cases the RFC leaves to the client."""
    if first > second:
        return False
    if first == second:
        return len(consistency_path) == 0 and first_hash == second_hash
    if first == 0:
        # Every log extends the empty log, whose only head has the empty root.
        return len(consistency_path) == 0 and first_hash == EMPTY_ROOT
    # 1.
    if len(consistency_path) == 0:
        return False
    # 2.
    path = list(consistency_path)
    if is_power_of_two(first):
        path.insert(0, first_hash)
    # 3.
    fn = first - 1
    sn = second - 1
    # 4.
    while fn % 2 == 1:
        fn //= 2
        sn //= 2
    # 5.
    fr = path[0]
    sr = path[0]
    # 6.
    for c in path[1:]:
        # 6a.
        if sn == 0:
            return False
        # 6b.
        if fn % 2 == 1 or fn == sn:
            fr = hash_children(c, fr)
            sr = hash_children(c, sr)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn //= 2
                    sn //= 2
        else:
            sr = hash_children(sr, c)
        # 6c.
        fn //= 2
        sn //= 2
    # 7.
    return fr == first_hash and sr == second_hash and sn == 0


def check_inclusion(item):
    return verify_inclusion(
        decode_hash(item["leaf_hash"]),
        decode_size(item["index"]),
        decode_size(item["size"]),
        [decode_hash(p) for p in item["proof"]],
        decode_hash(item["root"]),
    )


def check_consistency(item):
    return verify_consistency(
        decode_size(item["old_size"]),
        decode_size(item["new_size"]),
        decode_hash(item["old_root"]),
        decode_hash(item["new_root"]),
        [decode_hash(p) for p in item["proof"]],
    )


def main():
    try:
        document = json.load(sys.stdin)
        checks = [("inclusion", check_inclusion, item) for item in document.get("inclusion", [])]
        checks += [("consistency", check_consistency, item) for item in document.get("consistency", [])]
    except (ValueError, AttributeError, TypeError) as error:
        print("unreadable input: %s" % error, file=sys.stderr)
        return 2
    passed = 0
    failed = 0
    for number, (kind, check, item) in enumerate(checks):
        try:
            ok = check(item)
        except (KeyError, ValueError, TypeError) as error:
            ok = False
            item = "%s (%s)" % (item, error)
        if ok:
            passed += 1
        else:
            failed += 1
            # A few examples are enough to debug, and a bounded stderr never fills a pipe.
            if failed <= 10:
                print("failed %s #%d: %s" % (kind, number, item), file=sys.stderr)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
