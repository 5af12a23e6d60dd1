#!/usr/bin/env bash
# Adds a migration for both providers and writes their compiled models again: ./migrations.sh NameOfMigration
# Without a name, only the compiled models (after a change of the model that needs no migration): ./migrations.sh
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
if [ $# -gt 0 ]; then
  dotnet ef migrations add "$1" --project src/Cooperation.Web --context SqliteCooperationDbContext --output-dir Data/Migrations/Sqlite
  dotnet ef migrations add "$1" --project src/Cooperation.Web --context PostgresCooperationDbContext --output-dir Data/Migrations/Postgres
fi
# The compiled models the application loads at start (Data/CompiledModels): written again after every change of the model.
dotnet ef dbcontext optimize --project src/Cooperation.Web --context SqliteCooperationDbContext --output-dir Data/CompiledModels/Sqlite --namespace Cooperation.Web.Data.CompiledModels.Sqlite
dotnet ef dbcontext optimize --project src/Cooperation.Web --context PostgresCooperationDbContext --output-dir Data/CompiledModels/Postgres --namespace Cooperation.Web.Data.CompiledModels.Postgres
