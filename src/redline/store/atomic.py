"""Writing a file or a directory so that it appears whole or not at all (`replaced`).

What is written goes to a temporary name beside the destination (the same directory, so the same
file system, where a rename is atomic), is flushed to disk, and is renamed into place only when
complete. A process killed meanwhile leaves no destination, only its temporary, named
`.<name>.<pid>.partial` so that nobody takes it for output; the next write to the same destination
removes the temporaries of processes that are gone. Exports and the Parquet parts of a Dask
ingest are written this way.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PARTIAL_SUFFIX = ".partial"


def temporary_name(target: Path, pid: int | None = None) -> Path:
    return target.with_name(f".{target.name}.{os.getpid() if pid is None else pid}{PARTIAL_SUFFIX}")


@contextmanager
def replaced(target: str | os.PathLike, *, directory: bool = False, sweep: bool = True) -> Iterator[Path]:
    """A temporary path to write to, renamed to `target` when the block ends without an error
    (and removed when it does not).

    directory: the temporary is a directory (made here), which replaces `target` if that is
        missing or an empty directory.
    sweep: first remove what killed writers of `target` left. Off where writers run on several
        machines (a process id means nothing on another one)."""
    target = Path(target)
    if sweep:
        remove_stale(target)
    temporary = temporary_name(target)
    _remove(temporary)
    if directory:
        temporary.mkdir(parents=True)
    try:
        yield temporary
        _sync(temporary)
        os.replace(temporary, target)
        _sync(target.parent, tree=False)
    except BaseException:
        _remove(temporary)
        raise


def remove_stale(target: Path) -> None:
    """Remove the temporaries of `target` whose writing process no longer runs."""
    prefix = f".{target.name}."
    try:
        names = [p for p in target.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(PARTIAL_SUFFIX)]
    except OSError:
        return
    for path in names:
        pid = path.name[len(prefix):-len(PARTIAL_SUFFIX)]
        if pid.isdigit() and not process_running(int(pid)):
            _remove(path)


def process_running(pid: int) -> bool:
    """Whether a process with this id exists on this machine (whoever owns it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:          # someone else's process: it exists
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _sync(path: Path, *, tree: bool = True) -> None:
    """Flush `path` (a file, or a directory with everything in it) to disk: the rename that
    follows must not reach the disk before the data it names."""
    if path.is_dir() and tree:
        for root, _dirs, files in os.walk(path):
            for name in files:
                _fsync(Path(root) / name)
            _fsync(Path(root))
        return
    _fsync(path)


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:          # a file system that cannot sync a directory
        pass
    finally:
        os.close(fd)
