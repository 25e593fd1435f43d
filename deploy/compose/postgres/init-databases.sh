#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory: one database and one owner per
# service, and pg_trgm in catalog (Chinese search; the cluster itself is created with a C.UTF-8 LC_CTYPE by
# POSTGRES_INITDB_ARGS). Passwords come from the environment (docker-compose.yml, deploy/compose/.env).
set -euo pipefail

create_database() {
    local name="$1" password="$2"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_database catalog "$CATALOG_DB_PASSWORD"
create_database deal "$DEAL_DB_PASSWORD"
create_database notification "$NOTIFICATION_DB_PASSWORD"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname catalog -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'
