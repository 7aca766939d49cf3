#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: builds the workbench with the CUDA profile, checks that CUDA gives
# the CPU's outputs on the same weights (probabilities and input gradients of the demo CNN and of a
# DarkNet-53 trained briefly on the CPU), and prints training and inference images/s of both
# architectures at 64 and 224 px on CUDA and on the CPU (the baseline, same machine).
#
# Usage: scripts/gpu-check.sh [--no-cpu-baseline]
# Exit: 0 all checks passed; 1 CUDA outputs differ from the CPU's or a step failed; 3 a prerequisite
# is missing (each one is named). See docs/scale.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cpu_baseline=1
[ "${1:-}" = "--no-cpu-baseline" ] && cpu_baseline=0

m2="${MAVEN_REPO:-$HOME/.m2/repository}"
cuda_jar="$m2/org/nd4j/nd4j-cuda-11.6/1.0.0-M2.1/nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64-cudnn.jar"
redist_jar="$m2/org/bytedeco/cuda/11.6-8.3-1.5.7/cuda-11.6-8.3-1.5.7-linux-x86_64-redist.jar"
missing=()

# --- prerequisites -------------------------------------------------------------------------------
if ! command -v nvidia-smi > /dev/null || ! nvidia-smi -L > /dev/null 2>&1; then
  missing+=("an NVIDIA GPU with its driver (nvidia-smi does not list one)")
else
  echo "GPU: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | head -1)"
fi
if ! command -v java > /dev/null; then
  missing+=("Java 17 or later (no java on the PATH)")
elif ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  missing+=("Java 17 or later (found: $(java -version 2>&1 | head -1))")
fi
if ! command -v mvn > /dev/null; then
  missing+=("Maven (no mvn on the PATH)")
fi
registry=0
if command -v curl > /dev/null \
  && curl -fsI --max-time 10 https://repo.maven.apache.org/maven2/org/nd4j/nd4j-cuda-11.6/1.0.0-M2.1/nd4j-cuda-11.6-1.0.0-M2.1.pom > /dev/null 2>&1; then
  registry=1
fi
offline=""
if [ "$registry" = 0 ]; then
  if [ -f "$cuda_jar" ]; then
    offline="-o"
    echo "Maven registry unreachable: building offline from $m2"
  else
    missing+=("Maven registry access, or a ~/.m2 prepared elsewhere with: mvn -Pcuda,cuda-redist -DskipTests package (then copy ~/.m2/repository; it needs $cuda_jar)")
  fi
fi
# nd4j-cuda-11.6 links against the CUDA 11.6 runtime and cuDNN 8: installed, or JavaCPP's redist jar
profiles="cuda"
if ldconfig -p 2> /dev/null | grep -q 'libcudart\.so\.11' \
  || ls "${CUDA_HOME:-/usr/local/cuda}"/lib64/libcudart.so.11* > /dev/null 2>&1; then
  echo "CUDA 11 runtime: installed"
  if ! ldconfig -p 2> /dev/null | grep -q 'libcudnn\.so\.8'; then
    echo "cuDNN 8 not installed: adding JavaCPP's CUDA 11.6 / cuDNN 8.3 redist (1.8 GB)"
    profiles="cuda,cuda-redist"
  fi
elif [ -f "$redist_jar" ] || [ "$registry" = 1 ]; then
  echo "no CUDA 11 runtime installed: using JavaCPP's CUDA 11.6 / cuDNN 8.3 redist (1.8 GB)"
  profiles="cuda,cuda-redist"
else
  found="$(ldconfig -p 2> /dev/null | grep -o 'libcudart\.so\.[0-9]*' | sort -u | tr '\n' ' ')"
  missing+=("a CUDA 11.x runtime matching nd4j-cuda-11.6 (found: ${found:-none}), or the artifact org.bytedeco:cuda:11.6-8.3-1.5.7:linux-x86_64-redist in ~/.m2")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "gpu-check: cannot run here; missing:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 3
fi

# --- build ---------------------------------------------------------------------------------------
echo "building: mvn -P$profiles -DskipTests package"
mvn -B -q $offline -P"$profiles" -DskipTests package -Dspotless.check.skip=true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ASLWB_CACHE="$work/cache"
aslwb() { "$root/bin/aslwb" "$@"; }
aslwb --backend cuda --version

# --- CUDA against the CPU on the same weights ----------------------------------------------------
aslwb synth --out "$work/data" --per-class 4 --size 96 --seed 3 > /dev/null
aslwb train --backend cpu --data "$work/data" --model darknet53 --width 0.25 --size 64 --epochs 1 \
  --batch 32 --split random --out "$work/darknet.aslwb" > /dev/null
status=0
for model in demo/demo-cnn.aslwb "$work/darknet.aslwb"; do
  aslwb bench outputs --backend cpu --model "$model" --data "$work/data" --out "$work/cpu.txt" > /dev/null
  if ! aslwb bench outputs --backend cuda --model "$model" --data "$work/data" --out "$work/cuda.txt" \
    --compare "$work/cpu.txt"; then
    echo "gpu-check: CUDA outputs of $model differ from the CPU's" >&2
    status=1
  fi
done

# --- throughput: both architectures at 64 and 224 px ---------------------------------------------
backends="cuda"
[ "$cpu_baseline" = 1 ] && backends="cuda cpu"
for backend in $backends; do
  for size in 64 224; do
    aslwb bench train --backend "$backend" --size "$size" --models cnn,darknet53 --batches 32,128 \
      | sed "s/^/backend=$backend /"
  done
done
exit "$status"
