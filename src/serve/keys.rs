//! Keys: the server's host key, and the reviewers' public keys from `review.ron`.

use std::collections::HashMap;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use russh::keys::ssh_key::{LineEnding, PublicKey, public::KeyData};
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use crate::Error;
use crate::store::LoadedReview;

/// Which reviewer each accepted public key belongs to.
#[derive(Debug, Default)]
pub struct KeyIndex {
    keys: HashMap<KeyData, String>,
}

impl KeyIndex {
    /// The keys of every reviewer of a valid review: `validate` has refused
    /// a line that is not a key, has options, or is two reviewers' key.
    pub fn new(review: &LoadedReview) -> KeyIndex {
        let keys = review
            .review
            .reviewers
            .iter()
            .flat_map(|reviewer| {
                reviewer.keys.iter().filter_map(|line| {
                    let key = crate::model::public_key(line).ok()?;
                    Some((key.key_data().clone(), reviewer.id.clone()))
                })
            })
            .collect();
        KeyIndex { keys }
    }

    pub fn reviewer(&self, key: &PublicKey) -> Option<&str> {
        self.keys.get(key.key_data()).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// `SHA256:...`, as `ssh-keygen -l` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// Loads the host key at `path`, or creates one there (Ed25519, readable by
/// the owner only) when `create` and the file doesn't exist.
pub fn host_key(path: &Path, create: bool) -> Result<PrivateKey, Error> {
    if path.exists() || !create {
        return russh::keys::load_secret_key(path, None).map_err(|e| {
            Error::Refused(crate::t!(
                "serve-host-key-unreadable",
                file = path.display(),
                error = e
            ))
        });
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| Error::Refused(crate::t!("serve-host-key-generate", error = e)))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| Error::Refused(crate::t!("serve-host-key-encode", error = e)))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::io("create", path, e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io("write", path, e))?;
    Ok(key)
}
