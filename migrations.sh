#!/usr/bin/env bash
# Adds a migration for both providers: ./migrations.sh NameOfMigration
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/Cooperation.Web --context SqliteCooperationDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$1" --project src/Cooperation.Web --context PostgresCooperationDbContext --output-dir Data/Migrations/Postgres
