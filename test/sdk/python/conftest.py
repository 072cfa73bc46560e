"""Shared by the Python SDK's tests: Pulumi mocks that record what the SDK sends.

These tests run with the virtualenv of scripts/setup/pulumi-python.sh, where the generated SDK
(sdk/python) is installed as `pulumi_ovirt` next to the Pulumi Python SDK.
"""

import pulumi
import pytest


class RecordingMocks(pulumi.runtime.Mocks):
    """Answers like a small engine: each resource gets an id and its inputs back as outputs, plus
    what `computed` adds for its type; each function call gets `call_results[token]`."""

    def __init__(self, computed=None, call_results=None):
        self.computed = computed or {}
        self.call_results = call_results or {}
        self.resources = []
        self.calls = []

    def new_resource(self, args):
        self.resources.append(args)
        outputs = {**args.inputs, **self.computed.get(args.typ, {})}
        return f"{args.name}-id", outputs

    def call(self, args):
        self.calls.append(args)
        return self.call_results.get(args.token, {})

    def inputs_of(self, typ):
        """The inputs the SDK sent for the one resource of a type."""
        found = [r.inputs for r in self.resources if r.typ == typ]
        assert len(found) == 1, f"expected one {typ} registration, got {len(found)}"
        return found[0]


@pytest.fixture
def mocks():
    """Fresh mocks for each test, so registrations of one test never show in another."""
    recorder = RecordingMocks()
    pulumi.runtime.set_mocks(recorder, project="sdk-test", stack="unit", preview=False)
    return recorder
