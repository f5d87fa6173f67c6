//! The command line: `panelist [--lang LANG] COMMAND ...`, each command's
//! arguments declared by its module in [`crate::commands`]. Its help text
//! is in the catalogs (locales/*/cli.ftl), in the user's language:
//! [`parse`] reads the language before clap renders anything.

use std::ffi::OsString;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser};

use crate::commands::Command;
use crate::i18n::{self, Lang};

#[derive(Debug, Parser)]
#[command(name = "panelist", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "LANG", value_parser = language)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

/// The command line of this process, parsed with its help in the language
/// that `--lang`, the config file or the locale chooses, which it also sets
/// as the process's language for the command. Exits, as clap does, on `--help` or a usage error.
/// A config file that can't be read or holds what panelist can't use is the
/// error: `--help` still shows (without it), a command does not run.
pub fn parse() -> Result<Cli, crate::Problem> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let config = crate::config::load();
    let config_lang = config.as_ref().ok().and_then(|c| c.lang.clone());
    let choose = |flag: Option<&str>| {
        Lang::choose(flag, config_lang.as_deref(), |name| {
            std::env::var(name).ok()
        })
    };
    let lang = choose(lang_flag(&args).as_deref());
    i18n::set_process_lang(lang);
    let matches = command(lang).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
    // The command runs in the language of `--lang` as clap read it; the scan
    // above only chose the language of the help.
    i18n::set_process_lang(choose(cli.lang.as_deref()));
    config.map(|_| cli)
}

/// A value of `--lang`: a language of the interface, or a usage error that
/// names the value and the languages there are (in the help's language).
fn language(value: &str) -> Result<String, String> {
    match Lang::from_tag(value) {
        Some(_) => Ok(value.to_string()),
        None => Err(i18n::text("cli-lang-unknown", &[("value", value.into())])),
    }
}

/// The value of `--lang` among `args`, if any (before a `--`).
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().map(std::borrow::Cow::into_owned);
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// The command line with every help text, heading and the help of `-h`
/// and `-V` from the catalog of `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let text = |key: &str| i18n::text_in(lang, key, &[]);
    let mut command = localize(Cli::command(), lang, "cli")
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("cli-version-flag"))
                .help_heading(text("cli-heading-options")),
        )
        .after_help(text("cli-after-help"));
    // The `help` command exists once clap has built the tree.
    command.build();
    command.mut_subcommand("help", |help| help.about(text("cli-help-about")))
}

/// `command` and its subcommands, with the texts of the keys under `path`.
fn localize(command: clap::Command, lang: Lang, path: &str) -> clap::Command {
    let text = |key: &str| i18n::text_in(lang, key, &[]);
    let usage = text("cli-heading-usage");
    let mut command = command
        .about(text(&format!("{path}-about")))
        .subcommand_help_heading(text("cli-heading-commands"))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text("cli-help-flag"))
                .help_heading(text("cli-heading-options")),
        );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let help = i18n::try_text_in(lang, &format!("{path}-{id}"))
            .or_else(|| i18n::try_text_in(lang, &format!("cli-arg-{id}")));
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                text("cli-heading-arguments")
            } else {
                text("cli-heading-options")
            };
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let path = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |sub| localize(sub, lang, &path));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every argument a user can see, with its help.
    fn helps(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        let about = command.get_about().map(ToString::to_string);
        out.push((format!("{path} (about)"), about.unwrap_or_default()));
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            let help = arg.get_help().map(ToString::to_string);
            out.push((format!("{path} {}", arg.get_id()), help.unwrap_or_default()));
        }
        // (The `help` command's own subcommands only name the commands.)
        for sub in command
            .get_subcommands()
            .filter(|_| !path.ends_with(" help"))
        {
            helps(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let (mut en, mut ja) = (Vec::new(), Vec::new());
        helps(&command(Lang::En), "panelist", &mut en);
        helps(&command(Lang::Ja), "panelist", &mut ja);
        assert_eq!(en.len(), ja.len());
        assert!(en.len() > 50, "{en:?}");
        for ((what, english), (_, japanese)) in en.iter().zip(&ja) {
            assert!(!english.trim().is_empty(), "no English help for {what}");
            assert!(!japanese.trim().is_empty(), "no Japanese help for {what}");
            assert_ne!(english, japanese, "{what} is not translated");
        }
    }

    #[test]
    fn the_language_flag_is_found_before_clap_parses() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["panelist", "--lang", "ja", "merge"])),
            Some("ja".into())
        );
        assert_eq!(
            lang_flag(&args(&["panelist", "merge", "--lang=en"])),
            Some("en".into())
        );
        assert_eq!(
            lang_flag(&args(&["panelist", "merge", "--", "--lang", "ja"])),
            None
        );
        assert_eq!(lang_flag(&args(&["panelist", "--help"])), None);
    }

    #[test]
    fn the_command_line_is_consistent_in_both_languages() {
        command(Lang::En).debug_assert();
        command(Lang::Ja).debug_assert();
    }
}
