#!/usr/bin/env bash
# Benchmark: publishes the application (Release), loads demo data at scale 10 (or $1) and measures
# the p95 server time of the coopérant list, a country page and GET /api/v1/figures, then the page weights.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-10}"
requests="${2:-200}"
dotnet publish src/Cooperation.Web -c Release -o bench/out --nologo -v quiet
dotnet run -c Release --project bench/Cooperation.Bench -- bench/out "$scale" "$requests"
