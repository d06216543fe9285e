"""Backups that prove themselves: pg_dump + media archive + a manifest of exact row counts.

Files kept out of MEDIA_ROOT because they are not public (citizens' attachments, drafts'
files: PRIVATE_ROOTS) go into a second archive, private.tar.gz, one folder per root.

The row counts and the dump come from the same exported snapshot, so a restore must give
back exactly the counted rows even while the portal keeps writing. `verify` restores into
a scratch database, recounts and compares, then drops the scratch database.
Elasticsearch is not backed up: its indexes are rebuilt from the database (site/BACKUP.md).
"""

import json
import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import psycopg2
from django.conf import settings
from psycopg2 import sql

DUMP_NAME = "database.dump"
MEDIA_NAME = "media.tar.gz"
PRIVATE_NAME = "private.tar.gz"
# Folder in private.tar.gz -> the setting naming the private root it holds.
PRIVATE_ROOTS = {"dialogue": "DIALOGUE_ATTACHMENT_ROOT", "documents": "DOCUMENTS_PRIVATE_ROOT"}
MANIFEST_NAME = "manifest.json"
DISPOSABLE_TABLES = {"portal_page_cache"}  # caches are rebuilt, not restored


class BackupError(Exception):
    pass


def pg_tool(name):
    for directory in (os.environ.get("PG_BIN"), "/usr/lib/postgresql/15/bin"):
        if directory and (Path(directory) / name).exists():
            return str(Path(directory) / name)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client or set PG_BIN")
    return found


def connection_params(dbname=None):
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups need PostgreSQL (DATABASE_URL)")
    params = {
        "dbname": dbname or db["NAME"],
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
    }
    return {key: value for key, value in params.items() if value}


def tool_env(params):
    env = dict(os.environ)
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
    env.update({names[k]: str(v) for k, v in params.items() if k in names})
    return env


def run(args, params):
    result = subprocess.run(  # noqa: S603 - PostgreSQL's own tools, arguments are ours
        args, env=tool_env(params), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()[-2000:]}")
    return result


def table_counts(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tables = [name for (name,) in cursor.fetchall() if name not in DISPOSABLE_TABLES]
    counts = {}
    for table in tables:
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def archive_media(destination):
    return archive_folders(destination, {"": Path(settings.MEDIA_ROOT)})


def archive_private(destination):
    roots = {folder: Path(getattr(settings, name)) for folder, name in PRIVATE_ROOTS.items()}
    return archive_folders(destination, roots)


def archive_folders(destination, roots):
    """Every file under each root, as <folder>/<path under the root>; the number of files."""
    files = 0
    with tarfile.open(destination, "w:gz") as archive:
        for folder, root in roots.items():
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(Path(folder) / path.relative_to(root)))
                    files += 1
    return files


def archived_files(path):
    with tarfile.open(path) as archive:
        return sum(1 for member in archive.getmembers() if member.isfile())


def create(target_dir):
    """Write database.dump, media.tar.gz and manifest.json into a new folder under target_dir."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(target_dir) / f"portal-{stamp}"
    folder.mkdir(parents=True)
    params = connection_params()
    conn = psycopg2.connect(**params)
    try:
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor)
            run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    f"--file={folder / DUMP_NAME}",
                    *[f"--exclude-table-data={table}" for table in DISPOSABLE_TABLES],
                    params["dbname"],
                ],
                params,
            )
    finally:
        conn.close()
    media_files = archive_media(folder / MEDIA_NAME)
    private_files = archive_private(folder / PRIVATE_NAME)
    manifest = {
        "created": stamp,
        "tables": counts,
        "media_files": media_files,
        "private_files": private_files,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return folder, manifest


def compare(expected, actual):
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if expected.get(table) != actual.get(table):
            problems.append(f"{table}: backup {expected.get(table)}, restored {actual.get(table)}")
    return problems


def verify(folder, scratch_name=None):
    """Restore the backup into a scratch database and compare every count with the manifest."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST_NAME).read_text())
    params = connection_params()
    scratch = scratch_name or f"{params['dbname']}_restore_check_{os.getpid()}"
    admin = psycopg2.connect(**params)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(scratch)))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
        scratch_params = {**params, "dbname": scratch}
        run(
            [pg_tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={scratch}"]
            + [str(folder / DUMP_NAME)],
            scratch_params,
        )
        restored = psycopg2.connect(**scratch_params)
        try:
            with restored.cursor() as cursor:
                counts = table_counts(cursor)
        finally:
            restored.close()
    finally:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(scratch)))
        admin.close()
    problems = compare(manifest["tables"], counts)
    media_files = archived_files(folder / MEDIA_NAME)
    if media_files != manifest["media_files"]:
        problems.append(f"media: backup {manifest['media_files']} files, archive {media_files}")
    if "private_files" in manifest:  # backups made before private files were archived lack it
        private_files = archived_files(folder / PRIVATE_NAME)
        if private_files != manifest["private_files"]:
            problems.append(
                f"private: backup {manifest['private_files']} files, archive {private_files}"
            )
    return {"tables": len(counts), "rows": sum(counts.values()), "problems": problems}
