//! Long work on a file (an import, a conversion) tells whoever waits how far it got,
//! and stops when they cancel.

use std::sync::atomic::{AtomicBool, Ordering};

use super::error::ClipError;

/// Where the work is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// Reading the file through (how long it is is not known yet).
    Reading,
    /// Making the note: the fraction done, 0..1.
    Converting(f64),
}

/// Someone waiting for the work: told each step, able to stop it.
pub struct Watch<'a> {
    report: &'a (dyn Fn(Step) + Sync),
    cancel: Option<&'a AtomicBool>,
}

static NOBODY: fn(Step) = |_| {};

impl<'a> Watch<'a> {
    pub fn new(report: &'a (dyn Fn(Step) + Sync), cancel: &'a AtomicBool) -> Watch<'a> {
        Watch {
            report,
            cancel: Some(cancel),
        }
    }

    /// Nobody waits: nothing is reported and nothing cancels.
    pub fn none() -> Watch<'static> {
        Watch {
            report: &NOBODY,
            cancel: None,
        }
    }

    /// Reports `step`, or stops the work with [`ClipError::Cancelled`].
    pub fn step(&self, step: Step) -> Result<(), ClipError> {
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(ClipError::Cancelled);
        }
        (self.report)(step);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn steps_are_reported_until_the_work_is_cancelled() {
        let seen = Mutex::new(Vec::new());
        let report = |s: Step| seen.lock().unwrap().push(s);
        let cancel = AtomicBool::new(false);
        let watch = Watch::new(&report, &cancel);
        watch.step(Step::Reading).unwrap();
        watch.step(Step::Converting(0.5)).unwrap();
        cancel.store(true, Ordering::Relaxed);
        assert!(matches!(
            watch.step(Step::Converting(0.6)),
            Err(ClipError::Cancelled)
        ));
        assert_eq!(
            *seen.lock().unwrap(),
            [Step::Reading, Step::Converting(0.5)]
        );
        assert!(Watch::none().step(Step::Reading).is_ok());
    }
}
