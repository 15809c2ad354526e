/**
 * The Python side of the Django project source, written to a temporary folder
 * that is put first on PYTHONPATH:
 *
 * - `reconcile_shadow_settings.py`: the settings override. It imports the
 *   user's settings module (named in RECONCILE_USER_SETTINGS), copies every
 *   setting, and replaces only `DATABASES['default']` with the shadow database
 *   (connection details from RECONCILE_SHADOW_*, never written to disk).
 * - `reconcile_django_driver.py`: run inside the project's own `manage.py shell`
 *   (so manage.py's setup and the user's settings are honoured). It answers
 *   commands read from stdin, one JSON object a line, on the file descriptor
 *   RECONCILE_FD (so that what migrations print cannot mix with the answers):
 *   `plan` (Django's migration plan for an empty database, as `migrate --plan`
 *   computes it), `migrate` (one migration at a time through Django's own
 *   MigrationExecutor, as `manage.py migrate` applies it), recording the SQL Django
 *   runs while it applies that migration, and `finish`. The pre_migrate and
 *   post_migrate signals are sent once, before the first and after the last
 *   migration, as one `manage.py migrate` sends them: handlers that need every
 *   app's tables (django-guardian creates its anonymous user) find them.
 */

export const SETTINGS_MODULE = 'reconcile_shadow_settings';
export const DRIVER_MODULE = 'reconcile_django_driver';

export const SETTINGS_PY = String.raw`"""pg-reconcile: the user's settings with DATABASES['default'] pointed at a throwaway shadow database."""
import os as _os
from importlib import import_module as _import_module

_user = _import_module(_os.environ["RECONCILE_USER_SETTINGS"])
for _name in dir(_user):
    if _name.isupper():
        globals()[_name] = getattr(_user, _name)

_given = dict(getattr(_user, "DATABASES", {}).get("default", {}))
_engine = _given.get("ENGINE", "")
if "postg" not in _engine:
    _engine = "django.db.backends.postgresql"
_options = {k: v for k, v in dict(_given.get("OPTIONS", {})).items() if k not in ("service", "passfile") and not k.startswith("ssl")}
if _os.environ.get("RECONCILE_SHADOW_SSLMODE"):
    _options["sslmode"] = _os.environ["RECONCILE_SHADOW_SSLMODE"]
DATABASES = dict(getattr(_user, "DATABASES", {}))
DATABASES["default"] = {
    **{k: v for k, v in _given.items() if k not in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS", "TEST")},
    "ENGINE": _engine,
    "NAME": _os.environ["RECONCILE_SHADOW_NAME"],
    "USER": _os.environ["RECONCILE_SHADOW_USER"],
    "PASSWORD": _os.environ.get("RECONCILE_SHADOW_PASSWORD", ""),
    "HOST": _os.environ["RECONCILE_SHADOW_HOST"],
    "PORT": _os.environ["RECONCILE_SHADOW_PORT"],
    "OPTIONS": _options,
    "CONN_MAX_AGE": 0,
}
`;

export const DRIVER_PY = String.raw`"""pg-reconcile: apply a Django project's migrations one at a time on a shadow database."""
import io
import json
import os
import sys
import traceback


def _first_line(e):
    text = str(e).strip()
    line = text.splitlines()[0].strip() if text else ""
    return f"{type(e).__name__}: {line}" if line else type(e).__name__


def _file_of(module_name):
    mod = sys.modules.get(module_name)
    return getattr(mod, "__file__", None) if mod else None


def main():
    out = os.fdopen(int(os.environ["RECONCILE_FD"]), "w", buffering=1, encoding="utf-8")

    def send(obj):
        out.write(json.dumps(obj) + "\n")
        out.flush()

    import django
    from django.conf import settings
    from django.db import DatabaseError, connections
    from django.db.migrations.executor import MigrationExecutor

    alias = "default"
    conn = connections[alias]
    record = {"on": False, "sql": [], "last": None}

    def render(sql, params, context):
        if params is None:
            return sql
        try:
            ops = context["connection"].ops
            if hasattr(ops, "compose_sql"):
                return ops.compose_sql(sql, params)
            raw = context["cursor"].cursor.mogrify(sql, params)
            return raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except Exception:
            return sql

    def wrapper(execute, sql, params, many, context):
        # The last statement sent, recorded or not: what failed, when something fails (a signal handler's query too).
        text = render(sql, None if many else params, context)
        record["last"] = text
        if record["on"]:
            head = text.lstrip().split(None, 1)[0].upper() if text.strip() else ""
            if head not in ("SELECT", "SAVEPOINT", "RELEASE", "SHOW") and "django_migrations" not in text:
                record["sql"].append(text)
        return execute(sql, params, many, context)

    original_apply = MigrationExecutor.apply_migration

    def apply_migration(self, *args, **kwargs):
        record["on"] = True
        try:
            return original_apply(self, *args, **kwargs)
        finally:
            record["on"] = False

    MigrationExecutor.apply_migration = apply_migration

    user_settings = os.environ["RECONCILE_USER_SETTINGS"]
    send({"ready": True, "django": django.get_version(), "python": sys.version.split()[0], "executable": sys.executable,
          "engine": settings.DATABASES["default"]["ENGINE"], "settings": user_settings})

    from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
    signals = {"pre": False, "state": None, "plan": []}

    def migrate_one(app, name):
        executor = MigrationExecutor(conn)
        executor.loader.check_consistent_history(conn)
        targets = [(app, name)]
        steps = executor.migration_plan(targets)
        if not signals["pre"]:
            signals["pre"] = True
            emit_pre_migrate_signal(0, False, alias, stdout=io.StringIO(), apps=executor._create_project_state(with_applied_migrations=True).apps, plan=steps)
        signals["state"] = executor.migrate(targets, plan=steps)
        signals["plan"].extend(steps)

    def finish():
        state = signals["state"]
        if state is None:
            return
        state.clear_delayed_apps_cache()
        emit_post_migrate_signal(0, False, alias, stdout=io.StringIO(), apps=state.apps, plan=signals["plan"])

    with conn.execute_wrapper(wrapper):
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            req = json.loads(line)
            cmd = req.get("cmd")
            if cmd == "quit":
                send({"ok": True})
                return
            try:
                if cmd == "plan":
                    send({"ok": True, **plan(conn, MigrationExecutor, user_settings)})
                elif cmd == "migrate":
                    record["sql"] = []
                    record["last"] = None
                    migrate_one(req["app"], req["name"])
                    send({"ok": True, "sql": record["sql"]})
                elif cmd == "finish":
                    record["last"] = None
                    finish()
                    send({"ok": True})
                else:
                    send({"ok": False, "error": f"unknown command {cmd!r}"})
            except Exception as e:
                record["on"] = False
                send({"ok": False, "error": _first_line(e), "statement": record["last"] if isinstance(e, DatabaseError) else None, "trace": traceback.format_exc()[-4000:]})


def _runs_code(op):
    """RunPython and RunSQL run what the migration's author wrote; an operation class Django does not ship may too."""
    from django.db.migrations import operations as builtin
    if isinstance(op, (builtin.RunPython, builtin.RunSQL)):
        return True
    if isinstance(op, builtin.SeparateDatabaseAndState):
        return any(_runs_code(o) for o in op.database_operations)
    return not type(op).__module__.startswith("django.db.migrations.operations")


def plan(conn, MigrationExecutor, user_settings):
    import django
    from django.apps import apps
    executor = MigrationExecutor(conn)
    loader = executor.loader
    steps = []
    for migration, backwards in executor.migration_plan(loader.graph.leaf_nodes(), clean_start=True):
        if backwards:
            continue
        steps.append({
            "app": migration.app_label,
            "name": migration.name,
            "replaces": [f"{a}.{n}" for a, n in (migration.replaces or [])],
            "file": _file_of(migration.__module__),
            "atomic": bool(migration.atomic),
            "runsCode": any(_runs_code(op) for op in migration.operations),
        })
    inputs = set()
    for migration in loader.disk_migrations.values():
        f = _file_of(migration.__module__)
        if f:
            inputs.add(f)
    for config in apps.get_app_configs():
        f = getattr(config.module, "__file__", None)
        if f:
            inputs.add(f)
    for name in (user_settings, "django"):
        f = _file_of(name)
        if f:
            inputs.add(f)
    return {"plan": steps, "inputs": sorted(inputs), "unmigrated": sorted(loader.unmigrated_apps)}
`;
