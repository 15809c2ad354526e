#!/usr/bin/env bash
# export-django.sh: write a Django project's migrations as SQL, for `reconcile --from DIR`.
#
# Usage (inside the Django project, next to manage.py, with its virtualenv active):
#
#   /path/to/pg-reconcile/scripts/export-django.sh OUTDIR [APP ...]
#
# Writes:
#   OUTDIR/plan.txt            `manage.py showmigrations --plan` (the order Django applies them in)
#   OUTDIR/<app>/<name>.sql    `manage.py sqlmigrate <app> <name>` for every migration in the plan
#                              (or only for the APPs named; plan.txt always lists every app)
#
# Then:  reconcile inspect --from OUTDIR     (or plan / status / verify --from OUTDIR)
#
# Requirements and effects:
# - Django's settings must point at a PostgreSQL database (sqlmigrate renders SQL for the
#   configured backend). The database is only read (showmigrations reads django_migrations);
#   nothing is written to it, and an empty scratch database works as well as production.
# - One Python process does the whole export (Django starts once, not once per migration).
# - Environment: PYTHON (default: python3), MANAGE (default: ./manage.py),
#   DJANGO_DATABASE (database alias, default: default). DJANGO_SETTINGS_MODULE is honoured as usual.
# - Migrations that hold only RunPython come out as comments (`-- Raw Python operation`);
#   reconcile marks them data-only.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

out=$1
shift
python=${PYTHON:-python3}
manage=${MANAGE:-./manage.py}
if [[ ! -f "$manage" ]]; then
  echo "export-django.sh: $manage not found: run it in the Django project (or set MANAGE)" >&2
  exit 1
fi
mkdir -p "$out"

RECONCILE_OUT=$(cd "$out" && pwd) RECONCILE_APPS="$*" RECONCILE_DB=${DJANGO_DATABASE:-default} \
  "$python" "$manage" shell -c '
import io, os, re
from django.core.management import call_command

out = os.environ["RECONCILE_OUT"]
apps = set(os.environ["RECONCILE_APPS"].split())
db = os.environ["RECONCILE_DB"]

buf = io.StringIO()
call_command("showmigrations", format="plan", database=db, stdout=buf, no_color=True)
plan = buf.getvalue()
with open(os.path.join(out, "plan.txt"), "w", encoding="utf-8") as f:
    f.write(plan)

count = 0
for line in plan.splitlines():
    m = re.match(r"\s*\[.\]\s+(\w+)\.([\w-]+)(?:\s|$)", line)
    if not m or (apps and m.group(1) not in apps):
        continue
    app, name = m.groups()
    os.makedirs(os.path.join(out, app), exist_ok=True)
    sql = io.StringIO()
    call_command("sqlmigrate", app, name, database=db, stdout=sql, no_color=True)
    with open(os.path.join(out, app, name + ".sql"), "w", encoding="utf-8") as f:
        f.write(sql.getvalue())
    count += 1
print(f"wrote plan.txt and {count} migrations to {out}")
'
