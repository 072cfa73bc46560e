"""schema.json, for the Python SDK's tests."""

import json
import pathlib

REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
SCHEMA = json.loads((REPO_ROOT / "schema.json").read_text())
PROVIDER_TYPE = f"pulumi:providers:{SCHEMA['name']}"


def resolve(spec):
    """A property's spec, with a `#/types/...` reference replaced by the type it names."""
    ref = spec.get("$ref", "")
    if ref.startswith("#/types/"):
        return SCHEMA["types"][ref[len("#/types/"):]]
    return spec


def sample(spec):
    """A value of a property's type that the SDK accepts as it is (an enum's first value)."""
    spec = resolve(spec)
    if "enum" in spec:
        return spec["enum"][0]["value"]
    kind = spec.get("type")
    if kind == "array":
        return [sample(spec["items"])]
    if kind == "object" or "properties" in spec:
        return {name: sample(field) for name, field in spec.get("properties", {}).items()}
    return {"string": "sample", "integer": 3, "number": 1.5, "boolean": True}.get(kind, {})
