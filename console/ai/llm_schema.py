"""What the language model must answer: a pydantic model and its strict JSON Schema.

The schema sent as ``response_format`` is generated from :class:`LlmPlan`, whose steps are
the domain's own :data:`~console.domain.actions.PlanStep` union, and the answer is
validated with the same models. :func:`strict_schema` rewrites pydantic's schema into
the subset that strict structured output accepts: every object closed
(``additionalProperties: false``) with every property required, optional values as
``anyOf [..., {"type": "null"}]``, ``anyOf`` instead of ``oneOf``, no defaults and no
keywords that such decoders refuse.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from console.domain.actions import PlanStep
from console.domain.base import Identifier, NonEmptyText, ShortText

__all__ = [
    "LlmAlternative",
    "LlmPlan",
    "LlmReasoning",
    "OutputError",
    "parse_plan",
    "plan_schema",
    "strict_schema",
]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LlmReasoning(_Closed):
    claim: NonEmptyText
    evidence_event_ids: list[Identifier]
    policy_clause: ShortText | None = None


class LlmAlternative(_Closed):
    description: NonEmptyText
    why_not: NonEmptyText


class LlmPlan(_Closed):
    """The planner's answer, before Tandem adds ids, times, identity and the digest."""

    summary: NonEmptyText
    steps: list[PlanStep] = Field(max_length=12)
    reasoning: list[LlmReasoning] = Field(min_length=1, max_length=20)
    alternatives: list[LlmAlternative] = Field(max_length=10)
    questions: list[NonEmptyText] = Field(max_length=5)
    confidence: float = Field(ge=0.0, le=1.0)


class OutputError(Exception):
    """The model's answer is unusable; ``errors`` are lines to send back for a repair."""

    def __init__(self, summary: str, errors: list[str]) -> None:
        super().__init__(summary)
        self.summary = summary
        self.errors = errors


# Keywords strict structured output does not accept (or that grammar-based local servers
# handle poorly); they stay in the pydantic models, which check them on the way back.
_DROP = {"default", "minLength", "maxLength", "discriminator", "maxItems", "minItems"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in schema:
        if {"type": "null"} not in schema["anyOf"]:
            schema["anyOf"].append({"type": "null"})
        return schema
    if schema.get("type") == "null":
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROP:
            continue
        if key == "pattern" and "(?" in str(value):
            continue  # look-arounds are beyond many decoders' regular expressions
        if key == "oneOf":
            key = "anyOf"
        if key == "const":
            out["enum"] = [value]
            continue
        if key in ("properties", "$defs"):
            out[key] = {name: _strict(sub) for name, sub in value.items()}
        else:
            out[key] = _strict(value)
    if "properties" in out:
        required = set(node.get("required", []))
        for name, sub in out["properties"].items():
            fixed = len(sub.get("enum", ())) == 1  # a discriminator such as ``action``
            if name not in required and not fixed:
                out["properties"][name] = _nullable(sub)
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
        out["type"] = "object"
    return out


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """``model``'s JSON Schema in the strict structured-output subset."""
    schema: dict[str, Any] = _strict(copy.deepcopy(model.model_json_schema()))
    return schema


_SCHEMA: dict[str, Any] | None = None


def plan_schema() -> dict[str, Any]:
    """The strict schema of :class:`LlmPlan` (built once; callers get a copy)."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = strict_schema(LlmPlan)
    return copy.deepcopy(_SCHEMA)


def _drop_nulls(node: Any) -> Any:
    # Optional fields are sent as null (strict mode needs every property); the domain
    # models express "absent" through their defaults.
    if isinstance(node, dict):
        return {k: _drop_nulls(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [_drop_nulls(v) for v in node]
    return node


def parse_plan(data: Any, *, known_event_ids: set[str]) -> LlmPlan:
    """Validate decoded model output; raise :class:`OutputError` with repairable errors."""
    try:
        plan = LlmPlan.model_validate(_drop_nulls(data))
    except ValidationError as exc:
        errors = [
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in exc.errors(include_url=False, include_input=False, include_context=False)
        ]
        raise OutputError(
            f"its answer did not match the plan schema ({len(errors)} problems)", errors[:30]
        ) from None
    unknown = sorted({e for r in plan.reasoning for e in r.evidence_event_ids} - known_event_ids)
    errors = [f"reasoning cites events that are not in the facts: {', '.join(unknown[:10])}"]
    if unknown:
        raise OutputError("its answer cited events that do not exist", errors)
    step_ids = [s.step_id for s in plan.steps]
    if len(step_ids) != len(set(step_ids)):
        raise OutputError("its answer repeated a step id", ["steps: step_id must be unique"])
    return plan
