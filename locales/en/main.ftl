# General messages of panelist. Keys are shared with locales/ja/main.ftl.
lang-name = English
saved-at = saved { $time }
warning-line = warning: { $message }

## Keys of the committee results (panelist results).
key-page = page up or down
key-open = open
key-marks = marks
key-by-criterion = by criterion
key-drafts = drafts
key-reload = read the panel files again
key-how-solid = how solid
key-offsets = reviewers
key-regions-solidity = regions
key-teams = panels
key-open-region = open region
too-small-results = q quits.

## The SSH server's words to a reviewer's terminal.
serve-stopping = The review server is stopping. Every confirmed mark is saved; connect again later.
serve-idle = Closed after { $minutes } minutes without a key. Every confirmed mark is saved; connect again to go on.
serve-crashed = The session ended with an error; every confirmed mark is saved. Connect again to go on, and tell the chair if it happens again (the details are in the server's log).
serve-busy = The review server is busy; try again in a few minutes.
serve-taken-over = You logged in again from elsewhere while this connection was silent, so this session has ended. Every confirmed mark is saved.
serve-taking-over = Your earlier session (from { $peer }, since { $since }) was not answering; it has been closed, with every confirmed mark saved.
serve-checking-earlier = You already have a session open (from { $peer }, since { $since }). Checking whether it is still there; this takes up to { $seconds } seconds...
serve-session-elsewhere = Your session from { $peer } (since { $since }) is still open and answering. Quit it there first (q), then connect again.
serve-host-key-unreadable = { $file }: cannot read the host key: { $error }; give an OpenSSH private key without a passphrase (ssh-keygen -t ed25519 -N '' -f FILE)
serve-host-key-generate = cannot generate a host key: { $error }
serve-host-key-encode = cannot encode the host key: { $error }
serve-no-home = no home directory to keep the host key and the log in; pass --host-key
serve-logging-to = panelist serve: logging to { $file }
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-listening = panelist serve: listening on { $address }
serve-host-fingerprint = host key fingerprint: { $fingerprint }
serve-keys-accepted = { $keys } reviewer { $keys ->
    [one] key
   *[other] keys
} accepted. Reviewers connect with: ssh -p { $port } <any name>@<this host>
serve-runtime = cannot start the server: { $error }
serve-few-descriptors = this process may open { $limit } files at most (ulimit -n), so at most { $cap } connections may wait to log in, to leave every session room for its files; raise the limit (ulimit -n { $wanted }) or lower --max-sessions for more
