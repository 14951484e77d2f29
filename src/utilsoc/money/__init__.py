"""Money: budgets against actuals (the Cerfa 15059 compte rendu), SROI and cost-benefit.

Facts only, computed with full precision; amounts are rounded once, for display, by the
report. `budget.py` totals and gaps, `sroi.py` the social return on investment,
`sensitivity.py` how far each assumption may move.
"""
