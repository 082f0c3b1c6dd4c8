"""Argos Translate packages: list, install (from a file or, when asked, online), remove.

Packages live where Argos keeps them (``ARGOS_PACKAGES_DIR``, Argos' settings.json, or
``$XDG_DATA_HOME/argos-translate/packages``), so packages installed with ``argospm`` are
found here and vice versa. Argos reads those settings once, when first imported, and
creates its folders then: this module imports it only inside its functions.

A package file is a zip holding exactly one top-level folder with ``metadata.json``.
Unlike ``argostranslate.package.install_from_path`` (a bare ``extractall``), a file whose
members would land outside that folder (absolute paths, ``..``, symlinks, several
top-level entries) is refused before anything is written.
"""

from __future__ import annotations

import json
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from corpus_tools.errors import (
    BackendUnavailableError,
    ConfigError,
    InputError,
    UserError,
)


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """One installed Argos package."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    type: str
    path: Path
    code: str  # argospm name, e.g. "translate-en_fr"

    @property
    def model_id(self) -> str:
        """``translate-en_fr-1.9``: what machine-made units record as their model."""
        return f"{self.code}-{self.version}" if self.version else self.code


def argos_settings() -> Any:
    """Argos' settings module (package folders, index URL); BackendUnavailableError without it."""
    try:
        from argostranslate import settings
    except ImportError as exc:
        raise BackendUnavailableError("Argos Translate models", "argos") from exc
    return settings


def package_dirs() -> list[Path]:
    """Folders Argos searches for packages; the first is where installs go."""
    return [Path(p) for p in argos_settings().package_dirs]


def _read_info(folder: Path) -> PackageInfo | None:
    meta_path = folder / "metadata.json"
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    src, tgt = str(meta.get("from_code") or ""), str(meta.get("to_code") or "")
    kind = str(meta.get("type") or "translate")
    code = str(meta.get("code") or (f"{kind}-{src}_{tgt}" if src and tgt else kind))
    return PackageInfo(from_code=src, to_code=tgt, from_name=str(meta.get("from_name") or ""),
                       to_name=str(meta.get("to_name") or ""), version=str(meta.get("package_version") or ""),
                       type=kind, path=folder, code=code)


def installed_packages() -> list[PackageInfo]:
    """Installed packages, in the order Argos finds them (its first match wins)."""
    out: list[PackageInfo] = []
    for d in package_dirs():
        if not d.is_dir():
            continue
        for folder in d.iterdir():
            if folder.is_dir():
                info = _read_info(folder)
                if info is not None:
                    out.append(info)
    return out


def find_package(src_lang: str, tgt_lang: str) -> PackageInfo:
    """The installed translate package for the pair; ConfigError listing what is installed."""
    pkgs = [p for p in installed_packages() if p.type == "translate"]
    for p in pkgs:
        if p.from_code == src_lang and p.to_code == tgt_lang:
            return p
    pairs = ", ".join(sorted({f"{p.from_code}->{p.to_code}" for p in pkgs})) or "none"
    raise ConfigError(f"no Argos Translate package for {src_lang}->{tgt_lang} is installed "
                      f"(installed: {pairs}); run 'corpus-tools models install {src_lang} {tgt_lang}' "
                      f"online, or 'corpus-tools models install FILE.argosmodel'")


def check_package_zip(path: str | Path) -> str:
    """Validate a package file; return its single top-level folder name or raise InputError."""
    p = str(path)
    if not zipfile.is_zipfile(p):
        raise InputError(p, "not an Argos package (not a zip archive)")
    tops: set[str] = set()
    with zipfile.ZipFile(p) as zf:
        for member in zf.infolist():
            name = member.filename
            pure = PurePosixPath(name.replace("\\", "/"))
            if (name.startswith(("/", "\\")) or pure.is_absolute() or ":" in pure.parts[0]
                    or any(part == ".." for part in pure.parts) or not pure.parts):
                raise InputError(p, f"refused: member {name!r} would be written outside the package folder")
            mode = member.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise InputError(p, f"refused: member {name!r} is a symbolic link")
            if len(pure.parts) == 1 and not member.is_dir():
                raise InputError(p, f"refused: {name!r} is not inside the package's top-level folder")
            tops.add(pure.parts[0])
        if len(tops) != 1:
            raise InputError(p, f"refused: a package holds exactly one top-level folder, "
                                f"this one has {len(tops)} ({', '.join(sorted(tops)[:5])})")
        top = tops.pop()
        if top in (".", "") or f"{top}/metadata.json" not in zf.namelist():
            raise InputError(p, f"not an Argos package: no {top}/metadata.json")
    return top


def install_file(path: str | Path) -> PackageInfo:
    """Install a ``.argosmodel`` file (offline), replacing an installed package of the same folder name."""
    top = check_package_zip(path)
    dest_root = package_dirs()[0]
    dest_root.mkdir(parents=True, exist_ok=True)
    target = dest_root / top
    with tempfile.TemporaryDirectory(dir=dest_root, prefix=".installing-") as tmp:
        with zipfile.ZipFile(str(path)) as zf:
            zf.extractall(tmp)  # names checked above: everything lands under tmp/top
        info = _read_info(Path(tmp) / top)
        if info is None:
            raise InputError(str(path), "not an Argos package: unreadable metadata.json")
        if target.exists():
            shutil.rmtree(target)
        (Path(tmp) / top).rename(target)
    installed = _read_info(target)
    assert installed is not None  # just extracted and read above
    return installed


def install_pair(src_lang: str, tgt_lang: str, timeout: float = 30.0) -> PackageInfo:
    """Download and install the package for a pair through Argos' package index (online)."""
    import urllib.error
    import urllib.request

    settings = argos_settings()
    index_url = settings.remote_package_index
    try:
        with urllib.request.urlopen(index_url, timeout=timeout) as resp:
            data = resp.read()
        index = json.loads(data)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise UserError(f"cannot reach the Argos package index ({exc}); are you offline? "
                        f"Fetch the .argosmodel file on a connected machine and run "
                        f"'corpus-tools models install FILE.argosmodel'") from exc
    matches = [m for m in index if isinstance(m, dict) and m.get("from_code") == src_lang
               and m.get("to_code") == tgt_lang and m.get("type", "translate") == "translate"]
    if not matches:
        pairs = sorted({f"{m.get('from_code')}->{m.get('to_code')}" for m in index if isinstance(m, dict)})
        raise ConfigError(f"the Argos package index has no {src_lang}->{tgt_lang} package "
                          f"(it has: {', '.join(pairs)})")
    links = [str(u) for u in matches[0].get("links", []) if str(u).startswith(("https://", "http://"))]
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / f"translate-{src_lang}_{tgt_lang}.argosmodel"
        last: Exception | None = None
        for url in links:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as resp, open(dest, "wb") as f:
                    shutil.copyfileobj(resp, f)
                break
            except (urllib.error.URLError, OSError) as exc:
                last = exc
        else:
            raise UserError(f"cannot download the {src_lang}->{tgt_lang} package: {last or 'no link'}")
        return install_file(dest)


def remove(src_lang: str, tgt_lang: str) -> list[PackageInfo]:
    """Remove every installed package for the pair (from Argos' package folders only)."""
    roots = [d.resolve() for d in package_dirs()]
    gone = [p for p in installed_packages() if p.from_code == src_lang and p.to_code == tgt_lang]
    if not gone:
        raise ConfigError(f"no installed Argos package for {src_lang}->{tgt_lang}")
    for p in gone:
        if p.path.resolve().parent not in roots or p.path.is_symlink():
            raise ConfigError(f"refusing to remove {p.path}: not a folder inside Argos' package folders")
        shutil.rmtree(p.path)
    return gone
