#!/usr/bin/env bash
# The performance benchmark (issue 12): publishes the application (Release, ReadyToRun), generates the demo data at the
# chosen scale on the chosen provider, restarts on it, and prints one table: demo generation time and peak memory,
# start time, p50/p95 of every page and API list or figures route (as the director), the two long lists under each of
# their filters and sorts, throughput under 16 connections
# in percent of /health's, resident memory.
#   ./bench/run.sh [sqlite|postgres] [scale=10] [more options of bench/Cooperation.Bench: --requests 20 --seconds 5 --database ...]
# PostgreSQL: start a throwaway cluster first (docs in README, never on port 55432) and set BENCH_PG, e.g.
#   BENCH_PG="Host=127.0.0.1;Port=55433;Username=postgres" ./bench/run.sh postgres 10
set -euo pipefail
cd "$(dirname "$0")/.."
provider="${1:-sqlite}"
scale="${2:-10}"
shift $(( $# > 2 ? 2 : $# ))
dotnet publish src/Cooperation.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o bench/out --nologo -v quiet
dotnet run -c Release --project bench/Cooperation.Bench -- bench/out --provider "$provider" --scale "$scale" "$@"
