#!/usr/bin/env bash
# Webhook ingestion benchmark: verified and durably accepted Stripe webhooks per second and p99 acknowledgement latency,
# on SQLite and on PostgreSQL, each as a ratio to a bare 200 endpoint of the same process measured in the same run.
# Load generator: wrk on loopback (apt-get install wrk). PostgreSQL: MOORING_TEST_POSTGRES (source scripts/services.sh).
#
#   bench/webhooks-load.sh                 # both stores, 3 rounds of 10 s each per endpoint, 32 connections
#   STORES=sqlite ROUNDS=1 bench/webhooks-load.sh
#
# Each round also measures /reference, the issue's reference design (a plain channel + single batching writer,
# bench/Mooring.Benchmarks/Webhooks/ReferenceIntake.cs) in the same process and on the same store (on PostgreSQL, in a
# database of its own on the same server): what that design reaches on the machine of the day, against the same bare
# endpoint (REFERENCE=0 skips it).
#
# One wrk thread by default, as in the issue's reference figures (../shared/MACHINE.md: wrk -t1 -c32, bare ~38k/s);
# THREADS=2 lets the generator take more of the two cores. Each endpoint is warmed up for WARMUP seconds first: with
# tiered compilation the JIT was still recompiling the webhook path 10 s into the load on this machine, and a 3 s
# warm-up measured that instead of the steady state.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10}"            # seconds per measurement
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-1}"
WARMUP="${WARMUP:-15}"                # seconds of load per endpoint before the first measurement
ROUNDS="${ROUNDS:-3}"
STORES="${STORES:-sqlite postgres}"
REFERENCE="${REFERENCE:-1}"            # 1: also measure /reference (the issue's plain batching writer, same store) in each round
EVENTS="${EVENTS:-400000}"           # pre-signed deliveries per webhook measurement (more than can be sent)
PORT="${PORT:-5391}"
SECRET="whsec_bench_0123456789abcdef" # WebhookLoadHost.StripeSecret
WORK="$(mktemp -d /tmp/mooring-webhooks-bench.XXXXXX)"
trap 'kill "${HOST_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
dotnet build bench/Mooring.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
HOST_DLL="bench/Mooring.Benchmarks/bin/Release/net10.0/Mooring.Benchmarks.dll"

start_host() {
  local extra=()
  if [ "$1" = postgres ]; then
    [ -n "${MOORING_TEST_POSTGRES:-}" ] || { echo "MOORING_TEST_POSTGRES is not set; source scripts/services.sh" >&2; exit 1; }
    extra=(--postgres "$MOORING_TEST_POSTGRES")
  fi
  # shellcheck disable=SC2086 # HOST_ARGS is a list of --Section:Key=value settings
  # The spin limit the standalone server ships in its runtimeconfig (src/Mooring.Server/Mooring.Server.csproj); SPIN_LIMIT=70
  # is .NET's default.
  DOTNET_ThreadPool_UnfairSemaphoreSpinLimit="${SPIN_LIMIT:-0}" dotnet "$HOST_DLL" webhooks-host --urls "http://127.0.0.1:$PORT" "${extra[@]}" ${HOST_ARGS:-} >"$WORK/host-$1.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$WORK/host-$1.log" >&2
  exit 1
}

# Prints "requests_per_second_ok p99_ms non2xx".
measure() {
  local path="$1" seconds="$2"
  python3 bench/webhooks-sign.py "$EVENTS" "$SECRET" "$WORK/requests.tsv"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s bench/webhooks-load.lua "http://127.0.0.1:$PORT" -- "$path" "$WORK/requests.tsv" "$THREADS" >"$WORK/wrk.out"
  python3 - "$WORK/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
total = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", text).group(1))
span = re.search(r"requests in ([\d.]+)(ms|s|m)", text)
seconds = float(span.group(1)) * {"ms": 0.001, "s": 1, "m": 60}[span.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
bad = int(bad.group(1)) if bad else 0
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", text, re.M)
p99ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
print(f"{(total - bad) / seconds:.0f} {p99ms:.2f} {bad + (sum(map(int, errors.groups())) if errors else 0)}")
PY
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"
printf "%-9s %-5s %12s %10s %12s %10s %7s %9s %7s %12s %10s %9s\n" store round bare_req/s bare_p99 webhook/s hook_p99 errors ratio p99_ok reference/s ref_p99 ref_ratio
for store in $STORES; do
  start_host "$store"
  measure /bare "$WARMUP" >/dev/null          # warm-up: JIT (tiered, with PGO), connection pools, page cache
  measure /webhooks/stripe "$WARMUP" >/dev/null
  if [ "$REFERENCE" = 1 ]; then measure /reference "$WARMUP" >/dev/null; fi
  for round in $(seq 1 "$ROUNDS"); do
    read -r bare bare_p99 _ <<<"$(measure /bare "$DURATION")"
    read -r hook hook_p99 errors <<<"$(measure /webhooks/stripe "$DURATION")"
    ratio=$(python3 -c "print(f'{$hook / $bare:.2f}')")
    ok=$(python3 -c "print('yes' if $hook_p99 < 20 else 'no')")
    reference=- ref_p99=- ref_ratio=-
    if [ "$REFERENCE" = 1 ]; then
      read -r reference ref_p99 _ <<<"$(measure /reference "$DURATION")"
      ref_ratio=$(python3 -c "print(f'{$reference / $bare:.2f}')")
      ref_p99="${ref_p99}ms"
    fi
    printf "%-9s %-5s %12s %10s %12s %10s %7s %9s %7s %12s %10s %9s\n" "$store" "$round" "$bare" "${bare_p99}ms" "$hook" "${hook_p99}ms" "$errors" "$ratio" "$ok" "$reference" "$ref_p99" "$ref_ratio"
  done
  kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
done
