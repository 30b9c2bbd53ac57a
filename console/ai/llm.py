"""The language-model planner: any OpenAI-compatible chat-completions server.

Ollama (``http://127.0.0.1:11434/v1``), vLLM, the llama.cpp server and OpenAI all take
``POST {base_url}/chat/completions``. The planner sends redacted facts as delimited data
(:mod:`.llm_prompt`), asks for structured output against a strict schema generated from
the domain's models (:mod:`.llm_schema`), validates the answer with those same models,
asks once for a repair when it is invalid, and puts the redacted values back into what
the agent reads. Whatever goes wrong — HTTP errors, time-outs, an answer that stays
invalid — it hands the case to its fallback planner and says so in the proposal; with no
fallback it raises :class:`~console.ai.planner.PlanningError`.

Prompts, answers and personal data are never logged; the API key is sent only as an
``Authorization: Bearer`` header and only when one is given.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from console import __version__
from console.domain.facts import CaseFacts
from console.domain.proposal import Alternative, PlannerIdentity, Proposal, ReasoningStep
from console.policy.redaction import restore

from .llm_prompt import build_prompt, repair_message
from .llm_schema import LlmPlan, OutputError, parse_plan, plan_schema
from .planner import Planner, PlanningError

__all__ = ["LlmFailure", "LlmPlanner"]

log = logging.getLogger(__name__)

FALLBACK_PREFIX = "The language model could not be used: "


class LlmFailure(Exception):
    """Why the model gave no usable plan; ``str()`` is fit for the agent (no content)."""


class LlmPlanner:
    """Plans with a chat-completions model; falls back to ``fallback`` when it cannot."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        fallback: Planner | None = None,
        timeout_s: float = 30,
        max_context_events: int = 60,
        max_prompt_chars: int = 60_000,
        client: httpx.AsyncClient | None = None,
        stream: bool = False,
        on_text: Callable[[str], None] | None = None,
    ) -> None:
        if timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
        self.identity = PlannerIdentity(name="llm", version=__version__, model=model)
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._model = model
        self._api_key = api_key
        self.fallback = fallback
        self._timeout_s = timeout_s
        self._max_events = max_context_events
        self._max_chars = max_prompt_chars
        self._client = client
        self._stream = stream
        self.on_text = on_text  # called with each piece of streamed text as it arrives

    def __repr__(self) -> str:  # never shows the key
        return f"LlmPlanner(url={self._url!r}, model={self._model!r}, stream={self._stream})"

    # --- the Planner protocol ------------------------------------------------------------

    async def plan(self, facts: CaseFacts) -> Proposal:
        started = time.monotonic()
        try:
            proposal = await self._plan_with_model(facts)
        except LlmFailure as failure:
            log.warning(
                "language-model planner failed for case %s after %.1f s: %s",
                facts.case.id,
                time.monotonic() - started,
                failure,
            )
            return await self._fall_back(facts, str(failure))
        log.info(
            "language-model planner answered for case %s in %.1f s",
            facts.case.id,
            time.monotonic() - started,
        )
        return proposal

    # --- the model -------------------------------------------------------------------------

    async def _plan_with_model(self, facts: CaseFacts) -> Proposal:
        if not facts.customer.consent.ai_processing:
            raise LlmFailure("the customer has not agreed to AI processing of their case")
        prompt = build_prompt(facts, max_events=self._max_events, max_chars=self._max_chars)
        messages: list[dict[str, str]] = list(prompt.messages)
        if self._client is not None:
            return await self._converse(self._client, facts, prompt.mapping, prompt.event_ids,
                                        messages)  # fmt: skip
        async with httpx.AsyncClient() as client:
            return await self._converse(client, facts, prompt.mapping, prompt.event_ids, messages)

    async def _converse(
        self,
        client: httpx.AsyncClient,
        facts: CaseFacts,
        mapping: dict[str, str],
        event_ids: set[str],
        messages: list[dict[str, str]],
    ) -> Proposal:
        content = await self._complete(client, messages)
        try:
            plan = self._decode(content, mapping, event_ids)
        except OutputError as first:
            # One repair: the model sees its answer and what was wrong with it.
            messages += [
                {"role": "assistant", "content": content},
                {"role": "user", "content": repair_message(first.errors)},
            ]
            content = await self._complete(client, messages)
            try:
                plan = self._decode(content, mapping, event_ids)
            except OutputError as second:
                raise LlmFailure(f"{second.summary}, also after one correction") from None
        return self._proposal(facts, plan)

    def _request(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self._model,
            "messages": messages,
            "temperature": 0.2,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "proposal", "strict": True, "schema": plan_schema()},
            },
        }
        if self._stream:
            body["stream"] = True
        return body

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "text/event-stream" if self._stream else "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    async def _complete(self, client: httpx.AsyncClient, messages: list[dict[str, str]]) -> str:
        """One chat completion's text, within ``timeout_s`` all told."""
        timeout = httpx.Timeout(self._timeout_s, connect=min(5.0, self._timeout_s))
        try:
            async with asyncio.timeout(self._timeout_s):
                if self._stream:
                    return await self._complete_streaming(client, messages, timeout)
                response = await client.post(
                    self._url, json=self._request(messages), headers=self._headers(),
                    timeout=timeout,
                )  # fmt: skip
                _check_status(response)
                return _message_content(response)
        except TimeoutError:
            raise LlmFailure(f"no answer within {self._timeout_s:g} s") from None
        except httpx.TimeoutException:
            raise LlmFailure(f"no answer within {self._timeout_s:g} s") from None
        except httpx.HTTPError as exc:
            kind = type(exc).__name__
            raise LlmFailure(f"the model server could not be reached ({kind})") from None

    async def _complete_streaming(
        self, client: httpx.AsyncClient, messages: list[dict[str, str]], limits: httpx.Timeout
    ) -> str:
        parts: list[str] = []
        async with client.stream(
            "POST", self._url, json=self._request(messages), headers=self._headers(),
            timeout=limits,
        ) as response:  # fmt: skip
            if response.status_code >= 400:
                await response.aread()
                _check_status(response)
            async for line in response.aiter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                piece = _delta_content(data)
                if piece:
                    parts.append(piece)
                    if self.on_text is not None:
                        self.on_text(piece)
        if not parts:
            raise LlmFailure("the model's stream held no text")
        return "".join(parts)

    def _decode(self, content: str, mapping: dict[str, str], event_ids: set[str]) -> LlmPlan:
        try:
            data = json.loads(_strip_fences(content))
        except ValueError:
            raise OutputError(
                "its answer was not JSON", ["the answer must be one JSON object, nothing else"]
            ) from None
        return parse_plan(_restore_tree(data, mapping), known_event_ids=event_ids)

    def _proposal(self, facts: CaseFacts, plan: LlmPlan) -> Proposal:
        return Proposal(
            id=f"prop-llm-{uuid.uuid4().hex[:20]}",
            case_id=facts.case.id,
            created_at=facts.now,
            planner=self.identity,
            summary=plan.summary,
            steps=list(plan.steps),
            reasoning=[
                ReasoningStep(
                    claim=r.claim,
                    evidence_event_ids=list(r.evidence_event_ids),
                    policy_clause=r.policy_clause,
                )
                for r in plan.reasoning
            ],
            alternatives=[
                Alternative(description=a.description, why_not=a.why_not) for a in plan.alternatives
            ],
            questions=list(plan.questions),
            confidence=plan.confidence,
            input_digest=facts.digest(),
        )

    # --- the fallback ----------------------------------------------------------------------

    async def _fall_back(self, facts: CaseFacts, reason: str) -> Proposal:
        if self.fallback is None:
            raise PlanningError(f"{FALLBACK_PREFIX}{reason}. No fallback planner is set up.")
        try:
            proposal = await self.fallback.plan(facts)
        except PlanningError as exc:
            raise PlanningError(
                f"{FALLBACK_PREFIX}{reason}. The fallback planner failed too: {exc}"
            ) from exc
        base = self.fallback.identity
        identity = PlannerIdentity(
            name=f"{base.name} (fallback from llm)"[:500], version=base.version, model=base.model
        )
        note = ReasoningStep(claim=f"{FALLBACK_PREFIX}{reason}. The plan below is the "
                                   f"{base.name} planner's.")  # fmt: skip
        return proposal.model_copy(
            update={"planner": identity, "reasoning": [note, *proposal.reasoning]}
        )


# --- response decoding --------------------------------------------------------------------------


def _check_status(response: httpx.Response) -> None:
    if response.status_code >= 400:
        raise LlmFailure(f"the model server answered HTTP {response.status_code}")


def _message_content(response: httpx.Response) -> str:
    try:
        body = response.json()
        message = body["choices"][0]["message"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LlmFailure("the model server's answer was not a chat completion") from None
    if not isinstance(message, dict):
        raise LlmFailure("the model server's answer was not a chat completion")
    if message.get("refusal"):
        raise LlmFailure("the model refused to plan this case")
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        raise LlmFailure("the model's answer was empty")
    return content


def _delta_content(data: str) -> str:
    try:
        chunk = json.loads(data)
        choices = chunk.get("choices") or []
        delta = choices[0].get("delta") or {} if choices else {}
    except (ValueError, AttributeError, IndexError, TypeError):
        raise LlmFailure("the model server's stream was not made of completion chunks") from None
    if delta.get("refusal"):
        raise LlmFailure("the model refused to plan this case")
    content = delta.get("content")
    return content if isinstance(content, str) else ""


def _strip_fences(content: str) -> str:
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        if text.rstrip().endswith("```"):
            text = text.rstrip()[:-3]
    return text


def _restore_tree(node: Any, mapping: dict[str, str]) -> Any:
    if isinstance(node, str):
        return restore(node, mapping)
    if isinstance(node, list):
        return [_restore_tree(v, mapping) for v in node]
    if isinstance(node, dict):
        return {k: _restore_tree(v, mapping) for k, v in node.items()}
    return node
