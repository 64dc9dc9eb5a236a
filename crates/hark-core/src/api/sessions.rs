//! Sessions waiting for their send: a session's credentials wait here, in memory
//! only, for their send's turn; the bell that wakes the workers, and the one that
//! wakes requests waiting for an outcome (`?wait`).

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::profile::Session;

/// Sessions waiting for their send (by the API's send id), and the bell that wakes the
/// workers when a send is queued.
#[derive(Default)]
pub struct Sessions {
    waiting: Mutex<HashMap<String, Session>>,
    queued: Mutex<bool>,
    bell: Condvar,
    settled: tokio::sync::Notify,
}

impl Sessions {
    pub fn put(&self, id: &str, session: Session) {
        self.lock().insert(id.to_owned(), session);
    }

    pub fn take(&self, id: &str) -> Option<Session> {
        self.lock().remove(id)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.waiting.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Wakes the workers: a send was queued.
    pub fn ring(&self) {
        *self.queued.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.bell.notify_all();
    }

    /// Wakes the requests waiting for an outcome: a send was settled.
    pub fn settled(&self) {
        self.settled.notify_waiters();
    }

    /// Rings when a send is next settled (made before looking, so none is missed).
    pub fn next_settled(&self) -> tokio::sync::futures::Notified<'_> {
        self.settled.notified()
    }

    /// Waits for the bell, or `at_most`.
    pub(super) fn wait(&self, at_most: Duration) {
        let queued = self.queued.lock().unwrap_or_else(|p| p.into_inner());
        let (mut queued, _) = self
            .bell
            .wait_timeout_while(queued, at_most, |q| !*q)
            .unwrap_or_else(|p| p.into_inner());
        *queued = false;
    }
}
