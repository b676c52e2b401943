"""The Frictionless descriptor of the data package, derived from `model`.

Kept apart from `model` so that the declarations stay plain data and the
descriptor (what `frictionless validate data/datapackage.json` reads) is one
function that `validate` and `build` share.
"""

from __future__ import annotations

from twinnings import __version__, model

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def descriptor() -> dict:
    """The datapackage.json content for the current model."""
    return {
        "name": "stedenbanden-nl-cn",
        "title": "Stedenbanden NL–CN: ties between Dutch and Chinese local governments",
        "version": __version__,
        "licenses": [LICENSE],
        "resources": [_resource(r) for r in model.RESOURCES],
    }


def _resource(res: model.Resource) -> dict:
    schema: dict = {
        "fields": [f.table_schema() for f in res.fields],
        "primaryKey": [res.primary_key],
        "missingValues": [""],
    }
    if res.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [column],
                "reference": {"resource": "" if target == res.name else target, "fields": [key]},
            }
            for column, target, key in res.foreign_keys
        ]
    return {
        "name": res.name,
        "title": res.title,
        "description": res.description,
        "path": res.path,
        "format": "csv",
        "encoding": "utf-8",
        "mediatype": "text/csv",
        "schema": schema,
    }
