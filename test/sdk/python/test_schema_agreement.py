"""The generated Python SDK and schema.json agree: every resource with every input and output, the
provider, every function, every enum and every configuration setting.

Read from the SDK itself: the type tokens its classes carry, the schema names its property getters
carry, and (under mocks) what it really sends. A missing or extra name fails with the fix: run
`bash scripts/gen-sdk.sh` and commit sdk/python."""

import inspect
import re

import pulumi
import pulumi.runtime
import pulumi_ovirt as ovirt
import pytest
from pulumi.type_token import get_type_token
from ovirt_schema import PROVIDER_TYPE, SCHEMA, sample

REGENERATE = "run `bash scripts/gen-sdk.sh` and commit sdk/python"
RESOURCES = sorted(SCHEMA["resources"])
FUNCTIONS = sorted(SCHEMA.get("functions", {}))
ENUMS = sorted(token for token, spec in SCHEMA["types"].items() if "enum" in spec)


def classes_by_token():
    """Every class the package exports that names its Pulumi type token."""
    found = {}
    for value in vars(ovirt).values():
        token = get_type_token(value) if isinstance(value, type) else None
        if token:
            found[token] = value
    return found


def getter_names(cls):
    """Python attribute -> schema name, for each property of a generated class."""
    names = {}
    for klass in reversed(cls.__mro__):
        for attribute, value in vars(klass).items():
            schema_name = getattr(getattr(value, "fget", None), "_pulumi_name", None)
            if isinstance(value, property) and schema_name:
                names[attribute] = schema_name
    return names


def snake_case(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def every_input(properties):
    """Python keyword arguments that set every one of a schema's input properties."""
    return {snake_case(name): sample(spec) for name, spec in properties.items()}


def test_every_resource_and_only_those_has_a_class():
    tokens = {token for token, cls in classes_by_token().items() if issubclass(cls, pulumi.CustomResource)}
    assert tokens == set(RESOURCES) | {PROVIDER_TYPE}, REGENERATE


@pytest.mark.parametrize("token", RESOURCES)
def test_a_resource_class_has_every_output_property(token):
    cls = classes_by_token()[token]
    outputs = set(getter_names(cls).values())
    assert outputs == set(SCHEMA["resources"][token].get("properties", {})), REGENERATE


@pytest.mark.parametrize("token", RESOURCES)
def test_a_resource_args_class_has_every_input_and_requires_the_required_ones(token):
    resource = SCHEMA["resources"][token]
    args_cls = getattr(ovirt, classes_by_token()[token].__name__ + "Args")
    names = getter_names(args_cls)
    assert set(names.values()) == set(resource.get("inputProperties", {})), REGENERATE
    parameters = inspect.signature(args_cls.__init__).parameters.values()
    required = {names[p.name] for p in parameters if p.name in names and p.default is inspect.Parameter.empty}
    assert required == set(resource.get("requiredInputs", [])), REGENERATE


def sends_exactly(mocks, token, properties, resource):
    """Once the resource is registered, checks that the SDK sent every input and nothing else."""

    def assertions(_urn):
        assert set(mocks.inputs_of(token)) == set(properties), REGENERATE

    return resource.urn.apply(assertions)


@pytest.mark.parametrize("token", RESOURCES)
@pulumi.runtime.test
def test_a_resource_sends_every_input_under_its_schema_name_and_type(token, mocks):
    properties = SCHEMA["resources"][token].get("inputProperties", {})
    resource = classes_by_token()[token]("everything", **every_input(properties))
    return sends_exactly(mocks, token, properties, resource)


@pulumi.runtime.test
def test_the_provider_sends_every_setting_under_its_schema_name(mocks):
    properties = SCHEMA["provider"]["inputProperties"]
    provider = ovirt.Provider("everything", **every_input(properties))
    return sends_exactly(mocks, PROVIDER_TYPE, properties, provider)


@pytest.mark.parametrize("token", FUNCTIONS)
def test_a_function_sends_every_input_and_returns_every_output(token, mocks):
    spec = SCHEMA["functions"][token]
    function = getattr(ovirt, snake_case(token.split(":")[-1]), None)
    assert callable(function), f"no Python function for {token}; {REGENERATE}"
    assert callable(getattr(ovirt, function.__name__ + "_output", None)), f"no output form of {token}; {REGENERATE}"
    outputs = spec.get("outputs", {}).get("properties", {})
    mocks.call_results[token] = {name: sample(p) for name, p in outputs.items()}

    result = function(**every_input(spec.get("inputs", {}).get("properties", {})))

    assert [call.token for call in mocks.calls] == [token]
    assert set(mocks.calls[0].args) == set(spec.get("inputs", {}).get("properties", {})), REGENERATE
    result_names = getter_names(type(result))
    assert set(result_names.values()) == set(outputs), REGENERATE
    for attribute, name in result_names.items():
        assert_same(getattr(result, attribute), mocks.call_results[token][name], f"{token}.{name}")


def assert_same(actual, expected, where):
    """An object-typed output comes back as the SDK's output type, not a dict: compare field by field."""
    if isinstance(expected, dict):
        for key, value in expected.items():
            field = actual[key] if isinstance(actual, dict) and key in actual else getattr(actual, snake_case(key), None)
            assert_same(field, value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert len(actual) == len(expected), where
        for index, (a, e) in enumerate(zip(actual, expected)):
            assert_same(a, e, f"{where}[{index}]")
    else:
        assert actual == expected, where


@pytest.mark.parametrize("token", ENUMS)
def test_an_enum_has_exactly_the_schema_values(token):
    cls = classes_by_token().get(token)
    assert cls is not None, f"no enum class for {token}; {REGENERATE}"
    assert {member.value for member in cls} == {v["value"] for v in SCHEMA["types"][token]["enum"]}, REGENERATE


def test_every_configuration_setting_is_read_from_its_schema_key(monkeypatch):
    variables = SCHEMA["config"]["variables"]
    for name in variables:
        # Each setting also falls back to an environment variable; none may interfere here.
        for env in variables[name].get("defaultInfo", {}).get("environment", []):
            monkeypatch.delenv(env, raising=False)
    config = {f"{SCHEMA['name']}:{name}": "true" if spec.get("type") == "boolean" else f"value of {name}" for name, spec in variables.items()}
    pulumi.runtime.set_all_config(config)
    try:
        for name, spec in variables.items():
            attribute = snake_case(name)
            assert hasattr(ovirt.config, attribute), f"pulumi_ovirt.config has no {attribute} for {name}; {REGENERATE}"
            expected = True if spec.get("type") == "boolean" else f"value of {name}"
            assert getattr(ovirt.config, attribute) == expected, name
    finally:
        pulumi.runtime.set_all_config({})
