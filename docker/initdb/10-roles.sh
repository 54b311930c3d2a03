#!/bin/sh
# The database roles of docs/deploy.md#database-roles, created once when the volume is first initialised
# (the postgres image runs /docker-entrypoint-initdb.d/*.sh then, as POSTGRES_USER). For a volume initialised
# before this script existed, run the same statements by hand (docs/deploy.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" -v owner_password="$QIANGJI_OWNER_PASSWORD" -v api_password="$QIANGJI_API_PASSWORD" <<'SQL'
CREATE ROLE qiangji_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE qiangji_app NOLOGIN;
CREATE ROLE qiangji_api LOGIN PASSWORD :'api_password';
GRANT qiangji_app TO qiangji_api;
ALTER DATABASE :"db" OWNER TO qiangji_owner;
SQL
