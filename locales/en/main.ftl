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

## The SSH server's words to a reviewer's terminal.
serve-stopping = The review server is stopping. Every confirmed mark is saved; connect again later.
serve-idle = Closed after { $minutes } minutes without a key. Every confirmed mark is saved; connect again to go on.
serve-crashed = The session ended with an error: { $detail }. Every confirmed mark is saved.
serve-busy = The review server is busy; try again in a few minutes.
