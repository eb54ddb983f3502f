#!/usr/bin/env bash
# Adds a migration named $1 to every service's database, for SQLite and for PostgreSQL, or only to the services named
# after it: tools/migrations.sh AddShipmentCarrier erp quote-to-cash
# The model of each service is read through tools/ApiPlatform.Migrations.Design; no database is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: tools/migrations.sh <MigrationName> [service...]}"
shift
declare -A projects=(
  [gateway]=gateway/ApiPlatform.Gateway:GatewayDbContext
  [identity]=gateway/ApiPlatform.Identity:TokenServerDbContext
  [crm]=system-apis/ApiPlatform.SystemApis.Crm:CrmDbContext
  [erp]=system-apis/ApiPlatform.SystemApis.Erp:ErpDbContext
  [finance]=system-apis/ApiPlatform.SystemApis.Finance:FinanceDbContext
  [quote-to-cash]=process-apis/ApiPlatform.ProcessApis.QuoteToCash:QuoteToCashDbContext
  [procure-to-pay]=process-apis/ApiPlatform.ProcessApis.ProcureToPay:ProcureToPayDbContext
  [reconciliation]=process-apis/ApiPlatform.ProcessApis.Reconciliation:ReconciliationDbContext
  [partner-portal]=experience-apis/ApiPlatform.ExperienceApis.PartnerPortal:PortalDbContext
  [analytics]=experience-apis/ApiPlatform.ExperienceApis.Analytics:AnalyticsDbContext
)
services=("$@")
[ ${#services[@]} -gt 0 ] || services=("${!projects[@]}")
dotnet tool restore >/dev/null
dotnet build tools/ApiPlatform.Migrations.Design -c Release >/dev/null
for service in "${services[@]}"; do
  IFS=: read -r project context <<< "${projects[$service]:?unknown service $service}"
  namespace="$(basename "$project").Data.Migrations"
  for provider in Sqlite Postgres; do
    echo "$service ($provider): $name"
    APIPLATFORM_MIGRATIONS_SERVICE="$service" APIPLATFORM_MIGRATIONS_PROVIDER="${provider,,}" \
      dotnet ef migrations add "$name" --no-build --configuration Release \
        --project "$project" --startup-project tools/ApiPlatform.Migrations.Design --context "$context" \
        --output-dir "Data/Migrations/$provider" --namespace "$namespace.$provider" >/dev/null
    # EF Core names a new model snapshot after the context alone and writes it where the namespace points; each provider
    # keeps its own, named after it, beside its migrations (later migrations then update that file in place).
    snapshot="$(find "$project" -name "${context}ModelSnapshot.cs" -not -path '*/obj/*' -not -path '*/bin/*' | head -1)"
    if [ -n "$snapshot" ]; then
      sed -i "s/class ${context}ModelSnapshot\b/class ${context}${provider}ModelSnapshot/" "$snapshot"
      mv "$snapshot" "$project/Data/Migrations/$provider/${context}${provider}ModelSnapshot.cs"
      find "$project" -mindepth 1 -type d -empty -not -path '*/obj/*' -not -path '*/bin/*' -delete
    fi
  done
done
