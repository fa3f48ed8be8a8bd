"""Clip making: the front object both the CLI and the window use (``studio.ClipStudio``), durable jobs
(``runner``, ``steps``, ``job_store``), costs and the budget, the send step from a checked prompt to a
provider's request, carrying on after a crash, and putting finished clips in place. See studio.py for
what happens on Send. Nothing is imported here: modules are loaded when a clip is made.
"""
