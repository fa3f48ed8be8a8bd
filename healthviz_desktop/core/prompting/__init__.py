"""The prompt firewall: metaphor grammar, composer, de-identifier and the outbound check (issue #4).

Kept light: nothing here imports the database layer, Qt or an SDK at module level, so
``healthviz deidentify`` starts fast.
"""
