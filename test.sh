#!/usr/bin/env bash
# Runs every test: once on SQLite (the whole suite, browser tests included), then the integration tests again on a
# throwaway PostgreSQL 15 cluster. Installs Chromium and PostgreSQL with apt when they are missing (Debian 12, root).
# Ends with the line "N passed, N failed" summed over both runs, read from the TRX files; exits non-zero when a test
# failed, a run broke, or no test ran.
#
#   ./test.sh                 everything
#   ./test.sh --sqlite-only   skip the PostgreSQL run
#   COOPERATION_TEST_PG_PORT=55433 ./test.sh   when 55432 is taken
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

CONFIGURATION=Debug   # the configuration plain `dotnet test` uses, so a developer's build is reused
PG_PORT=${COOPERATION_TEST_PG_PORT:-55432}
PG_BIN=/usr/lib/postgresql/15/bin
RESULTS=$ROOT/TestResults/test-sh
POSTGRES_RUN=true
[[ ${1:-} == --sqlite-only ]] && POSTGRES_RUN=false

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # the tests use /usr/bin/chromium, never a downloaded browser
export DEBIAN_FRONTEND=noninteractive

started=$SECONDS
say() { printf '\n== %s (%ss)\n' "$*" $((SECONDS - started)); }

# --- Summary, always printed last (also when the script stops early) -------------------------------------------------
counter() { # counter FILE ATTRIBUTE -> the value of ATTRIBUTE in the <Counters .../> element of a TRX file
    local v
    v=$(tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*' | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" | head -n1) || true
    echo "${v:-0}"
}

declare -A RUN_RC=() RUN_RAN=()
SUMMARY_PASSED=0 SUMMARY_FAILED=0 NO_TEST=false
summary_done=false
summary() {
    $summary_done && return
    summary_done=true
    local run trx p f s ran run_failed
    echo
    for run in sqlite postgres; do
        [[ -d $RESULTS/$run ]] || continue
        ran=0 run_failed=0
        for trx in "$RESULTS/$run"/*.trx; do
            [[ -f $trx ]] || continue
            p=$(counter "$trx" passed)
            f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
            s=$(( $(counter "$trx" total) - $(counter "$trx" executed) ))
            SUMMARY_PASSED=$((SUMMARY_PASSED + p)); SUMMARY_FAILED=$((SUMMARY_FAILED + f))
            ran=$((ran + p + f)) run_failed=$((run_failed + f))
            echo "$run: $p passed, $f failed, $s skipped ($(basename "$trx"))"
        done
        RUN_RAN[$run]=$ran
        # A run that broke without recording a failure (build of the run, test host crash, no TRX) is one failure.
        if [[ ${RUN_RC[$run]:-0} != 0 && $run_failed == 0 ]]; then
            echo "$run: dotnet test exited with ${RUN_RC[$run]} and no failed test in its results: counted as 1 failure"
            SUMMARY_FAILED=$((SUMMARY_FAILED + 1))
        fi
    done
    for run in "${!RUN_RC[@]}"; do
        if [[ ${RUN_RAN[$run]:-0} == 0 && ${RUN_RC[$run]} == 0 ]]; then echo "The $run run executed no test."; NO_TEST=true; fi
    done
    echo "Total time: $((SECONDS - started)) s"
    echo "$SUMMARY_PASSED passed, $SUMMARY_FAILED failed"
}

# --- PostgreSQL cluster, stopped on exit ------------------------------------------------------------------------------
PG_ROOT=""
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
    [[ -n $PG_ROOT && -d $PG_ROOT ]] || return 0
    if [[ -f $PG_ROOT/data/postmaster.pid ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_ROOT"
}
on_exit() {
    local rc=$?
    stop_postgres
    if ! $summary_done; then
        echo "test.sh stopped early (exit $rc)" >&2
        summary
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$RESULTS"   # so that the summary never counts an earlier run

# --- What the tests need ----------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "The .NET SDK (see global.json) is required." >&2; exit 1; }
packages=()
[[ -x /usr/bin/chromium && -x /usr/lib/chromium/chromedriver ]] || packages+=(chromium chromium-driver)
$POSTGRES_RUN && { [[ -x $PG_BIN/initdb ]] || packages+=(postgresql); }
command -v npm >/dev/null || packages+=(npm)                       # the web project's build runs `npm ci`
[[ -e /usr/lib/libgdiplus.so ]] || packages+=(libgdiplus)          # ClosedXML measures text with System.Drawing
[[ -d /usr/share/fonts/truetype/dejavu ]] || packages+=(fonts-dejavu-core)   # fonts for PDF output
if ((${#packages[@]})); then
    [[ $(id -u) == 0 ]] || { echo "Missing packages (${packages[*]}): run as root or install them." >&2; exit 1; }
    say "Installing ${packages[*]}"
    apt-get -o DPkg::Lock::Timeout=300 update -q </dev/null
    apt-get -o DPkg::Lock::Timeout=300 install -y -q "${packages[@]}" </dev/null
fi

# --- Build once -------------------------------------------------------------------------------------------------------
say "Restoring tools"
dotnet tool restore
say "Building ($CONFIGURATION)"
dotnet build Cooperation.slnx -c "$CONFIGURATION" -nologo

run_tests() { # run_tests NAME POSTGRES_CONNECTION_OR_EMPTY [dotnet test arguments...]
    local name=$1 postgres=$2 rc=0
    shift 2
    # The factory switches to PostgreSQL as soon as COOPERATION_TEST_POSTGRES exists, even empty: unset it for SQLite.
    local -a environment=(env -u COOPERATION_TEST_POSTGRES)
    [[ -n $postgres ]] && environment=(env "COOPERATION_TEST_POSTGRES=$postgres")
    "${environment[@]}" dotnet test Cooperation.slnx --no-build -c "$CONFIGURATION" --nologo \
        --logger "trx;LogFilePrefix=$name" --results-directory "$RESULTS/$name" \
        --blame-hang-timeout 5min --blame-hang-dump-type none "$@" </dev/null || rc=$?
    RUN_RC[$name]=$rc
}

# --- Run 1: everything on SQLite --------------------------------------------------------------------------------------
say "Tests on SQLite (all)"
run_tests sqlite ""

# --- Run 2: integration tests on PostgreSQL 15 ------------------------------------------------------------------------
if $POSTGRES_RUN; then
    say "Starting PostgreSQL 15 on 127.0.0.1:$PG_PORT"
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
        echo "Port $PG_PORT is taken: set COOPERATION_TEST_PG_PORT to a free port." >&2
        exit 1
    fi
    PG_ROOT=$(mktemp -d /tmp/cooperation-pg.XXXXXX)   # /tmp: the postgres user must reach it
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$PG_ROOT"
    as_postgres "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w \
        -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_ROOT/server.log" >&2; exit 1; }

    say "Tests on PostgreSQL (integration: not Browser, not Unit, not SqliteOnly)"
    run_tests postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
        --filter "Category!=Browser&Category!=Unit&Category!=SqliteOnly"
    stop_postgres
fi

summary
status=0
for run in "${!RUN_RC[@]}"; do [[ ${RUN_RC[$run]} == 0 ]] || status=1; done
((SUMMARY_FAILED == 0)) || status=1
$NO_TEST && status=1
exit "$status"
