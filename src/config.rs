//! Where the review directory is, when the command line doesn't say.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;
use crate::source::{Anchor, SourceText, read_text};
use crate::{Error, Problem};

/// The user's `config.ron` (`directories`' config dir for panelist).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The review directory to use when none is given.
    #[serde(default)]
    pub dir: Option<PathBuf>,
    /// The language of the interface: "en" or "ja".
    #[serde(default)]
    pub lang: Option<String>,
}

pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "panelist")
}

/// The path of `config.ron`, whether or not it exists.
pub fn config_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("config.ron"))
}

/// Reads the config file; a missing file is an empty config.
pub fn load() -> Result<Config, Problem> {
    match config_path() {
        Some(path) if path.is_file() => parse(&read_text(&path)?),
        _ => Ok(Config::default()),
    }
}

/// Parses a config file; a `lang` that is no language of the interface is a
/// problem at its line, not a setting silently passed over.
pub fn parse(source: &SourceText) -> Result<Config, Problem> {
    let config: Config = source.parse()?;
    if let Some(lang) = config
        .lang
        .as_deref()
        .filter(|l| Lang::from_tag(l).is_none())
    {
        let at = source.locate(&[Anchor::Field("lang")]);
        return Err(Problem::at(
            &source.path,
            at,
            crate::t!("cli-lang-unknown", value = lang),
        ));
    }
    Ok(config)
}

/// The review directory: the one given, else `$PANELIST_DIR`, else the
/// config file's `dir`.
pub fn review_dir(given: Option<&Path>) -> Result<PathBuf, Error> {
    if let Some(dir) = given {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os("PANELIST_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = load()?.dir {
        return Ok(dir);
    }
    Err(Error::Usage(crate::t!(
        "cmd-no-dir",
        config =
            config_path().map_or_else(|| crate::t!("cmd-config-file"), |p| p.display().to_string())
    )))
}
