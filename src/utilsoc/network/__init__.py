"""Networks of associations: a shared référentiel, members' folders, totals across them."""
