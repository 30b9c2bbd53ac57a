"""The AI layer: planners that turn a case's facts into a proposed plan.

Imports only console.domain, console.policy and console.resources; nothing Qt.
"""
