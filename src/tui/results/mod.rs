//! `panelist results`: the chair's TUI over the committee results, merged
//! on the fly from the panel files. The ranking with a bar chart and the
//! cutoff; drill down region → category → criterion → the marks; one
//! criterion across regions; drafts counted or not at a key.

pub mod app;
pub mod data;
pub mod keys;
mod order;
pub mod screens;

use std::sync::mpsc::{self, Receiver, TryRecvError};

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind};

pub use app::{AnalysisRun, App, Effect, Msg, View};
pub use data::{Data, DirLoader, Loader};

use crate::analysis::Analysis;
use crate::tui::shell::Screen;

/// The results screen with its loader.
pub struct ResultsScreen<L: Loader> {
    pub app: App,
    pub loader: L,
    /// Analyses running on threads of their own, so that the results show
    /// at once and stay browsable meanwhile: of which results (drafts
    /// counted or not), and where the analysis will come.
    analysing: Vec<(bool, Receiver<Option<Analysis>>)>,
}

impl<L: Loader> ResultsScreen<L> {
    pub fn new(app: App, loader: L) -> Self {
        ResultsScreen {
            app,
            loader,
            analysing: Vec::new(),
        }
    }

    /// Hands the analyses that are done to the app; whether there were any.
    fn collect_analyses(&mut self) -> bool {
        let mut done = Vec::new();
        self.analysing
            .retain(|(drafts, receiver)| match receiver.try_recv() {
                Ok(analysis) => {
                    done.push((*drafts, analysis));
                    false
                }
                Err(TryRecvError::Empty) => true,
                // The thread ended without one: say it was not analysed.
                Err(TryRecvError::Disconnected) => {
                    done.push((*drafts, None));
                    false
                }
            });
        let any = !done.is_empty();
        for (drafts, analysis) in done {
            self.app.update(Msg::Analysed {
                drafts,
                analysis: Box::new(analysis),
            });
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
        let mut changed = self.collect_analyses();
        while let Some(effect) = self.app.effect() {
            let msg = match effect {
                Effect::Reload => {
                    let loaded = self.loader.load();
                    if loaded.is_ok() {
                        // Their results are no longer the ones on screen.
                        self.analysing.clear();
                    }
                    Msg::Loaded(Box::new(loaded))
                }
                Effect::Analyse => {
                    let drafts = self.app.include_drafts;
                    self.analysing.push((drafts, start_analysis(&self.app)));
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

/// Analyses the results on screen on a thread of its own; the analysis
/// comes through the receiver (which says `Disconnected` should the thread
/// fail).
fn start_analysis(app: &App) -> Receiver<Option<Analysis>> {
    let (sender, receiver) = mpsc::channel();
    let review = app.data.review.clone();
    let file = app.shown().clone();
    let work = move || {
        // The screen may have closed meanwhile: nobody waits then.
        let _ = sender.send(Some(data::analysed(&review, &file)));
    };
    // Should no thread start, the work and its sender are dropped: the
    // receiver says so, and the screen that it was not analysed.
    let _ = std::thread::Builder::new()
        .name("analysis".into())
        .spawn(work);
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
