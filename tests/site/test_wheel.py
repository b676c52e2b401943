"""The package as a user installs it: a wheel in a new virtualenv, run from a folder that is no checkout."""

from __future__ import annotations

import subprocess
import urllib.request
import zipfile

from tests.harness import ROOT, free_port, wait_for_health

FILES = ("assets", "templates")  # twinnings/<folder>/<kind>/<file>
# Every module of the package imports (not the scripts: Streamlit runs twinnings.bundle, python -m __main__).
IMPORT_ALL = """
import importlib, pkgutil, twinnings
scripts = ('twinnings.bundle', 'twinnings.__main__')
names = [m.name for m in pkgutil.walk_packages(twinnings.__path__, 'twinnings.') if not m.name.startswith(scripts)]
for name in names:
    importlib.import_module(name)
print(len(names), twinnings.APP_DIR)
"""
# The installed app's entry point runs its home page without an exception.
RUN_APP = """
from streamlit.testing.v1 import AppTest
import twinnings
at = AppTest.from_file(str(twinnings.APP_DIR / 'app.py'), default_timeout=60).run()
assert not at.exception, at.exception
print(at.title[0].value)
"""


def test_the_wheel_carries_every_module_the_app_and_the_data(installed):
    (wheel,) = (installed.parent.parent / "wheels").glob("twinnings-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "twinnings"
    expected = {f"twinnings/{p.relative_to(package)}" for p in package.rglob("*.py")}
    # the scripts, styles and markup templates the modules read
    expected |= {f"twinnings/{p.relative_to(package)}" for p in package.glob("*/*/*") if p.parent.parent.name in FILES}
    for folder in ("pages", "data", "static"):
        expected |= {f"twinnings/bundle/{p.relative_to(ROOT)}" for p in (ROOT / folder).rglob("*") if p.is_file()}
    expected |= {"twinnings/bundle/app.py", "twinnings/bundle/.streamlit/config.toml"}
    assert sorted(expected - names) == []


def test_an_installed_wheel_validates_imports_and_runs_from_another_folder(installed, tmp_path):
    validate = subprocess.run([installed / "twinnings", "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stderr
    assert "site-packages/twinnings/bundle/data: valid" in validate.stdout
    imported = subprocess.run([installed / "python", "-c", IMPORT_ALL], cwd=tmp_path, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.split()[1].endswith("site-packages/twinnings/bundle")
    app = subprocess.run([installed / "python", "-c", RUN_APP], cwd=tmp_path, capture_output=True, text=True)
    assert app.returncode == 0, app.stderr
    assert app.stdout.strip().endswith("Stedenbanden NL–CN")


def test_an_installed_wheel_serves_the_app_with_its_own_assets_from_another_folder(installed, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [installed / "twinnings", "serve", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=tmp_path,
        env={"TWINNINGS_TILES": "none", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_health(url, server)
        # the project's config reached Streamlit from another folder: static serving is on
        with urllib.request.urlopen(f"{url}/app/static/vendor/leaflet/leaflet.js", timeout=10) as response:
            assert response.status == 200 and b"Leaflet" in response.read(2000)
    finally:
        server.terminate()
        server.wait(timeout=10)
