"""The GitHub Pages workflow: it builds the site with the command the README documents, a command the CLI
accepts, and publishes what that command wrote."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

from twinnings.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def publish_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Publish\n", 1)[1].split("\n## ", 1)[0]


def test_the_pages_workflow_builds_the_site_as_the_readme_says_and_publishes_that_folder():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = jobs["build"]["steps"]
    (build,) = [step for step in steps if "export-site" in step.get("run", "")]
    argv = shlex.split(build["run"])
    assert argv[:2] == ["twinnings", "export-site"]
    args = build_parser().parse_args(argv[1:])  # a flag the CLI does not know ends the test here
    assert f"`{build['run']}`" in publish_section()
    assert "TWINNINGS_STATIC_BASE_URL" in build["env"]
    (upload,) = [step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == args.output
    assert steps.index(upload) > steps.index(build)
    assert jobs["deploy"]["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in jobs["deploy"]["steps"])
