"""Words for people: how a set, a load, a pace, a distance, a duration, a target, a kind or a status
reads, on the cards, in the editor, on the printed page, in calendar files and in `report`.

Written once, here, so that two formatters of one thing cannot drift (a timed set once printed
"Plank 3 × 0" on paper while the tooltip said "3 × 60 s"). No Qt: the models, the window, `io`
and the command line all call these. The package sits beside `planner.domain` (it reads domain
objects and nothing above them); tests/test_layering.py holds it there.
"""
