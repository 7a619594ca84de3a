"""The project's own settings (``CMS_*``) have one default each, in cms/settings/base.py."""

import re
from pathlib import Path

from cms.settings import base

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = [path for path in ROOT.iterdir() if (path / "__init__.py").exists() and path.name != "tests"]


def _sources():
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            if "migrations" not in path.parts:
                yield path, path.read_text()


def test_code_reads_cms_settings_without_a_second_default():
    offenders = [str(path.relative_to(ROOT)) for path, text in _sources() if 'getattr(settings, "CMS_' in text]
    assert offenders == []


def test_every_cms_setting_read_by_code_has_its_default_in_base():
    read = {name for _path, text in _sources() for name in re.findall(r"settings\.(CMS_[A-Z0-9_]+)", text)}
    assert read, "no CMS_ settings found: the pattern is out of date"
    assert sorted(name for name in read if not hasattr(base, name)) == []
