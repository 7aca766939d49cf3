#!/usr/bin/env bash
# Runs `aslwb bench` and the PyTorch/torchvision anchors side by side, alternating ours and the
# anchor ROUNDS times in one run, and prints a table of medians with the ratio ours/anchor.
#
#   scripts/bench-vs-anchors.sh [WORK...]      WORK: cnn32 cnn128 darknet32 load fgsm e2e (default: all)
#
# e2e is ours against ours: the third epoch of `aslwb train` (CNN, batch 32, 60 batches an epoch,
# augmentation on, the data already in the tensor cache) against `aslwb bench train` on random data;
# its "anchor" column is the bench figure.
#
# Environment: ROUNDS (default 2), ANCHORS (default ../shared/anchors), DATA (the folder-per-class
# photos for `load`, default ../shared/datasets/asl-alphabet-5800), PYTHON (default /usr/bin/python3),
# ASLWB (the launcher to measure, default this checkout's bin/aslwb: point it at another build to
# measure another build), BEFORE (optional: a second launcher, e.g. a build of the previous commit,
# run beside ours in every round and shown in a "before" column).
# The machine is shared: the whole run holds /tmp/aslwb-heavy.lock (taken here unless the caller
# holds it already and sets ASLWB_HEAVY_LOCK_HELD=1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${ASLWB_HEAVY_LOCK_HELD:-}" ]; then
  ASLWB_HEAVY_LOCK_HELD=1 exec flock /tmp/aslwb-heavy.lock "$0" "$@"
fi
rounds="${ROUNDS:-2}"
anchors="${ANCHORS:-$root/../shared/anchors}"
data="${DATA:-$root/../shared/datasets/asl-alphabet-5800}"
py="${PYTHON:-/usr/bin/python3}"
aslwb="${ASLWB:-$root/bin/aslwb}"
before="${BEFORE:-}"
export ASLWB_CACHE="${ASLWB_CACHE:-/tmp/cache-bench-vs-anchors}"
work=("$@")
[ ${#work[@]} -gt 0 ] || work=(cnn32 cnn128 darknet32 load fgsm e2e)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# the builds measured: "before" (if BEFORE is set), then "ours"
sides() {
  if [ -n "$before" ]; then echo before; fi
  echo ours
}
launcher_of() { # side
  if [ "$1" = before ]; then echo "$before"; else echo "$aslwb"; fi
}

# one measurement: "WORK SIDE KEY VALUE" lines into $log
record() { # work side key value
  echo "$1 $2 $3 $4" >>"$log"
}
field() { # line key
  sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"
}

run_train() { # work model batch anchor-model
  local line side launcher
  for side in $(sides); do
    launcher="$(launcher_of "$side")"
    line="$("$launcher" bench train --models "$2" --batches "$3" 2>/dev/null | grep "^aslwb-")"
    record "$1" "$side" train "$(field "$line" train_img_s)"
    record "$1" "$side" infer "$(field "$line" infer_img_s)"
  done
  line="$("$py" "$anchors/torch_anchor.py" "$4" 64 "$3" 2 | grep "^torch-")"
  record "$1" anchor train "$(field "$line" train_img_s)"
  record "$1" anchor infer "$(field "$line" infer_img_s)"
}

run_load() {
  local line
  local side launcher
  for side in $(sides); do
    launcher="$(launcher_of "$side")"
    line="$("$launcher" bench load "$data" --size 64 2>/dev/null | grep "^aslwb-load")"
    record load "$side" seconds "$(field "$line" seconds)"
  done
  line="$("$py" "$anchors/load_anchor.py" "$data" 64 2 | grep "^load-anchor")"
  record load anchor seconds "$(field "$line" total_s)"
}

run_fgsm() {
  local line
  # the bundled demo CNN over the first 1,160 photos (the sweep's own clock; loading excluded)
  local side launcher
  for side in $(sides); do
    launcher="$(launcher_of "$side")"
    record fgsm "$side" seconds "$("$launcher" attack --model "$(dirname "$launcher")/../demo/demo-cnn.aslwb" \
      --data "$data" --split all --limit 1160 --json 2>/dev/null |
      "$py" -c 'import json,sys; print(json.load(sys.stdin)["curves"][0]["seconds"])')"
  done
  line="$("$py" "$anchors/fgsm_anchor.py" 1160 128 | grep "^fgsm-anchor")"
  record fgsm anchor seconds "$(field "$line" total_s)"
}

run_e2e() {
  local side launcher out
  out="$(mktemp -d)"
  for side in $(sides); do
    launcher="$(launcher_of "$side")"
    "$launcher" dataset inspect "$data" >/dev/null 2>&1 # fills the tensor cache: loading is not timed
    # the third epoch's rate: the first ones include the JIT's and oneDNN's warm-up, which the
    # bench leaves out too (its warm-up iterations are not timed)
    record e2e "$side" train "$("$launcher" train --data "$data" --model cnn --batch 32 --epochs 3 \
      --max-batches 60 --out "$out/m.aslwb" --force --json 2>/dev/null |
      "$py" -c 'import json,sys; print(json.load(sys.stdin)["history"][-1]["imagesPerSecond"])')"
  done
  rm -rf "$out"
  line="$("$aslwb" bench train --models cnn --batches 32 2>/dev/null | grep "^aslwb-")"
  record e2e anchor train "$(field "$line" train_img_s)"
}

echo "bench-vs-anchors: ${work[*]}, $rounds rounds, $(nproc) cores, $(date -u +%FT%TZ)" >&2
for ((r = 1; r <= rounds; r++)); do
  for w in "${work[@]}"; do
    echo "round $r: $w" >&2
    case "$w" in
      cnn32) run_train cnn32 cnn 32 cnn ;;
      cnn128) run_train cnn128 cnn 128 cnn ;;
      darknet32) run_train darknet32 darknet53 32 darknet ;;
      load) run_load ;;
      fgsm) run_fgsm ;;
      e2e) run_e2e ;;
      *) echo "unknown work '$w' (use cnn32 cnn128 darknet32 load fgsm e2e)" >&2; exit 2 ;;
    esac
  done
done

"$py" - "$log" <<'EOF'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    work, side, key, value = line.split()
    if value:
        rows.setdefault((work, key), {}).setdefault(side, []).append(float(value))
higher_better = {"train": True, "infer": True, "seconds": False}
unit = {"train": "train img/s", "infer": "infer img/s", "seconds": "seconds"}
has_before = any("before" in sides for sides in rows.values())
fmt = lambda v: f"{v:.2f}" if v < 100 else f"{v:.0f}"
cell = lambda vs: f"{fmt(statistics.median(vs))} ({', '.join(fmt(v) for v in vs)})"
print("| work | measure |" + (" before (median; all) |" if has_before else "")
      + " ASL Workbench (median; all) | anchor (median; all) | ratio to anchor |")
print("|---|---|" + ("---|" if has_before else "") + "---|---|---|")
for (work, key), sides in rows.items():
    ours, theirs = sides.get("ours", []), sides.get("anchor", [])
    if not ours or not theirs:
        continue
    mo, ma = statistics.median(ours), statistics.median(theirs)
    ratio = mo / ma if higher_better[key] else ma / mo
    first = f" {cell(sides['before']) if sides.get('before') else ''} |" if has_before else ""
    print(f"| {work} | {unit[key]} |{first} {cell(ours)} | {cell(theirs)} | {ratio:.2f}x |")
EOF
