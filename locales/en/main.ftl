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
key-open-region = open the region
too-small-results = q quits.

## The SSH server's words to a reviewer's terminal.
serve-stopping = The review server is stopping. Every confirmed mark is saved; connect again later.
serve-idle = Closed after { $minutes } minutes without a key. Every confirmed mark is saved; connect again to go on.
serve-crashed = The session ended with an error: { $detail }. Every confirmed mark is saved.
serve-busy = The review server is busy; try again in a few minutes.
serve-key-shared = key { $n } of reviewer "{ $reviewer }" is also a key of "{ $other }"; a key must identify one reviewer, so neither may use it until that is fixed
serve-key-invalid = key { $n } of reviewer "{ $reviewer }" is not an OpenSSH public key ({ $error }); paste the whole line of their .pub file, e.g. "ssh-ed25519 AAAA... name@laptop"
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
serve-stopped = the server stopped: { $error }
serve-runtime = cannot start the server: { $error }
