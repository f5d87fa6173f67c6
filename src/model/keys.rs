//! A reviewer's SSH public key: one line of an OpenSSH `.pub` file, as
//! `review.ron`'s `keys` holds it. `validate` refuses what this refuses;
//! `serve` accepts what this accepts.

use russh::keys::ssh_key::{Algorithm, PublicKey};

/// Why a line of `keys` is not a key `panelist serve` can accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyLineError {
    /// The line starts with OpenSSH `authorized_keys` options (`from="…"`,
    /// `no-pty`…), given here. `serve` cannot honour them, and a key that
    /// silently ignored a `from=` restriction would let in more than the
    /// chair meant, so such a line is refused.
    Options(String),
    /// Not an OpenSSH public key at all; the parser's reason.
    NotAKey(String),
}

/// The public key on `line`: `type base64 [comment]`.
pub fn public_key(line: &str) -> Result<PublicKey, KeyLineError> {
    let line = line.trim();
    match PublicKey::from_openssh(line) {
        Ok(key) => Ok(key),
        Err(e) => {
            let mut words = line.split_whitespace();
            let first = words.next().unwrap_or_default();
            let is_type = |word: &str| Algorithm::new(word).is_ok();
            if !is_type(first) && words.any(is_type) {
                let options = line
                    .find(char::is_whitespace)
                    .map_or(line, |end| &line[..end]);
                Err(KeyLineError::Options(options.chars().take(60).collect()))
            } else {
                Err(KeyLineError::NotAKey(e.to_string()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGjEGrkqZV2kiEctlRXSHxYAMfu1ApdGiFjlaH+kbNuf t07@laptop";

    #[test]
    fn a_pub_line_is_a_key_with_or_without_its_comment() {
        assert!(public_key(KEY).is_ok());
        assert!(public_key(&format!("  {KEY}  ")).is_ok());
        let without = KEY.rsplit_once(' ').map_or(KEY, |(key, _)| key);
        assert_eq!(
            public_key(without).map(|k| k.key_data().clone()),
            public_key(KEY).map(|k| k.key_data().clone())
        );
    }

    #[test]
    fn options_before_the_key_are_named_and_refused() {
        assert_eq!(
            public_key(&format!("from=\"10.9.9.9\",no-pty {KEY}")),
            Err(KeyLineError::Options("from=\"10.9.9.9\",no-pty".into()))
        );
        assert_eq!(
            public_key(&format!("restrict {KEY}")),
            Err(KeyLineError::Options("restrict".into()))
        );
    }

    #[test]
    fn anything_else_is_not_a_key() {
        for line in [
            "garbage",
            "",
            "ssh-ed25519",
            "ssh-ed25519 AAAA-not-base64 x",
        ] {
            assert!(
                matches!(public_key(line), Err(KeyLineError::NotAKey(_))),
                "{line:?}"
            );
        }
    }
}
