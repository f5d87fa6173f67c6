# General messages of panelist. Keys are shared with locales/ja/main.ftl.
lang-name = English
saved-at = saved { $time }

## Keys of the committee results (panelist results).
key-page = page up or down
key-open = open
key-marks = marks
key-by-criterion = by criterion
key-drafts = drafts
key-reload = read the panel files again
too-small-results = q quits.
