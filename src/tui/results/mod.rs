//! `panelist results`: the chair's TUI over the committee results, as
//! results.ron holds them or merged from the panel files. The ranking with a bar chart and the
//! cutoff; drill down region → category → criterion → the marks; one
//! criterion across regions; drafts counted or not at a key.

pub mod app;
pub mod data;
pub mod keys;
pub mod marks;
mod msg;
mod order;
mod ranked;
mod rows;
pub mod screens;

use std::sync::mpsc::{self, Receiver, TryRecvError};

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind};

pub use app::{App, View};
pub use data::{Data, DirLoader, Files, Loader, Marks};
pub use msg::{AnalysisRun, Effect, Msg};

use crate::tui::shell::Screen;

/// The results screen with its loader.
pub struct ResultsScreen<L: Loader> {
    pub app: App,
    pub loader: L,
    /// Work running on threads of its own, so that the results show at
    /// once and stay browsable meanwhile (merges, analyses): what each is,
    /// and where its outcome will come.
    working: Vec<(Work, Receiver<Msg>)>,
}

/// Work done away from the screen, of the results with drafts counted
/// (`true`) or not.
#[derive(Debug, Clone, Copy)]
enum Work {
    Files,
    Merge(bool),
    Analysis(bool),
}

impl Work {
    /// Said to the app should the thread end without its outcome.
    fn failed(self) -> Msg {
        match self {
            Work::Files => Msg::FilesRead(Box::new(Err(crate::t!("results-not-read")))),
            Work::Merge(drafts) => Msg::Merged {
                drafts,
                results: Box::new(Err(crate::t!("results-not-read"))),
            },
            Work::Analysis(drafts) => Msg::Analysed {
                drafts,
                analysis: Box::new(None),
            },
        }
    }
}

impl<L: Loader> ResultsScreen<L> {
    pub fn new(app: App, loader: L) -> Self {
        ResultsScreen {
            app,
            loader,
            working: Vec::new(),
        }
    }

    /// Hands the work that is done to the app; whether there was any.
    fn collect_work(&mut self) -> bool {
        let mut done = Vec::new();
        self.working
            .retain(|(work, receiver)| match receiver.try_recv() {
                Ok(msg) => {
                    done.push(msg);
                    false
                }
                Err(TryRecvError::Empty) => true,
                // The thread ended without its outcome: say so.
                Err(TryRecvError::Disconnected) => {
                    done.push(work.failed());
                    false
                }
            });
        let any = !done.is_empty();
        for msg in done {
            self.app.update(msg);
        }
        any
    }
}

impl<L: Loader> Screen for ResultsScreen<L> {
    fn handle(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.app.update(Msg::Key(key));
            }
            Event::Resize(width, height) => self.app.update(Msg::Resized(width, height)),
            _ => {}
        }
    }

    fn render(&self, frame: &mut Frame) {
        screens::render(&self.app, frame);
    }

    /// Carries out what the app asked for: reading the files again, and
    /// starting the analysis of the results on screen if they are not
    /// analysed yet; hands over the analyses that are done. The shell
    /// comes here every tick, and draws after.
    fn settle(&mut self, _idle: bool) -> bool {
        let mut changed = self.collect_work();
        while let Some(effect) = self.app.effect() {
            let msg = match effect {
                Effect::Reload => {
                    let loaded = self.loader.load();
                    if loaded.is_ok() {
                        // Their results are no longer the ones on screen.
                        self.working.clear();
                    }
                    Msg::Loaded(Box::new(loaded))
                }
                Effect::ReadFiles => {
                    let files = self.app.data.files.clone();
                    let work = move || Msg::FilesRead(Box::new(data::read_files(&files)));
                    self.working.push((Work::Files, start(work)));
                    Msg::ReadingFiles
                }
                Effect::Merge { drafts } => {
                    let (files, theme) = (self.app.data.files.clone(), self.app.theme);
                    let work = move || Msg::Merged {
                        drafts,
                        results: Box::new(data::merged(&files, drafts, &theme)),
                    };
                    self.working.push((Work::Merge(drafts), start(work)));
                    Msg::MergeStarted { drafts }
                }
                Effect::Analyse => {
                    let drafts = self.app.include_drafts;
                    let (review, file) = (self.app.data.review.clone(), self.app.shown().clone());
                    let work = move || Msg::Analysed {
                        drafts,
                        analysis: Box::new(Some(data::analysed(&review, &file))),
                    };
                    self.working.push((Work::Analysis(drafts), start(work)));
                    Msg::AnalysisStarted { drafts }
                }
            };
            self.app.update(msg);
            changed = true;
        }
        changed
    }

    fn finished(&self) -> bool {
        self.app.quit
    }
}

/// `work` on a thread of its own; its message comes through the receiver
/// (which says `Disconnected` should the thread fail).
fn start(work: impl FnOnce() -> Msg + Send + 'static) -> Receiver<Msg> {
    let (sender, receiver) = mpsc::channel();
    // The screen may have closed meanwhile: nobody waits then. Should no
    // thread start, the work and its sender are dropped: the receiver
    // says so, and the screen that the work was not done.
    let _ = std::thread::Builder::new()
        .name("results".into())
        .spawn(move || {
            let _ = sender.send(work());
        });
    receiver
}

/// The work of [`Effect::Analyse`] done here and now: the analysis of the
/// results on screen, as a message for the app (for tests and benches,
/// which want it before the next frame).
pub fn analyse(app: &App) -> Msg {
    let analysis = Some(data::analysed(&app.data.review, app.shown()));
    Msg::Analysed {
        drafts: app.include_drafts,
        analysis: Box::new(analysis),
    }
}

/// The work of [`Effect::ReadFiles`] done here and now: the panel files
/// read, as a message for the app (for tests and benches, which want them
/// before the next frame).
pub fn read_files(app: &App) -> Msg {
    Msg::FilesRead(Box::new(data::read_files(&app.data.files)))
}

/// The work of [`Effect::Merge`] done here and now: the files as read
/// merged, drafts counted or not, as a message for the app (for tests and
/// benches, which want it before the next frame).
pub fn merge(app: &App, drafts: bool) -> Msg {
    let results = data::merged(&app.data.files, drafts, &app.theme);
    Msg::Merged {
        drafts,
        results: Box::new(results),
    }
}
